package ru.mpgu.lab.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ReportNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12.5ms      | 12.5
            12,5 мс     | 12.5
            1.2s        | 1200
            1,2 с       | 1200
            850us       | 0.85
            850 мкс     | 0.85
            2 сек       | 2000
            120.53ms (примерно) | 120.53
            1.5m        | 90000
            """)
    void latencyUnits(String text, double millis) {
        assertThat(ReportNumbers.parseLatency(text).orElseThrow().millis()).isCloseTo(millis, offset(1e-9));
        assertThat(ReportNumbers.parseLatency(text).orElseThrow().unitGiven()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            248.53    | 248.53
            248,53    | 248.53
            1 234,5   | 1234.5
            1.23k     | 1230
            ~ 300     | 300
            """)
    void decimals(String text, double value) {
        assertThat(ReportNumbers.parseDecimal(text).orElseThrow()).isCloseTo(value, offset(1e-9));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                                          | 0
            нет                                        | 0
            Ошибок нет                                 | 0
            отсутствуют                                | 0
            none                                       | 0
            connect 0, read 5, write 0, timeout 2      | 7
            Non-2xx or 3xx responses: 15               | 15
            """)
    void errors(String text, int count) {
        assertThat(ReportNumbers.parseErrors(text)).contains(count);
    }

    @ParameterizedTest
    @CsvSource({"есть", "много", "''"})
    void errorsWithoutNumber(String text) {
        assertThat(ReportNumbers.parseErrors(text)).isEmpty();
    }
}
