package ru.mpgu.lab.measure.wrk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.mpgu.lab.measure.SocketErrors;

class WrkOutputParserTest {

    private final WrkOutputParser parser = new WrkOutputParser();

    static String resource(String name) {
        try (InputStream in = WrkOutputParserTest.class.getResourceAsStream("/wrk-outputs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parsesRealWrkOutputWithLatencyDistribution() {
        WrkResult r = parser.parse(resource("wrk41-latency.txt"));

        assertThat(r.url()).isEqualTo("http://127.0.0.1:18081/index.html");
        assertThat(r.durationSeconds()).isEqualTo(2);
        assertThat(r.threads()).isEqualTo(2);
        assertThat(r.connections()).isEqualTo(8);
        assertThat(r.latency()).isEqualTo(new ThreadStat(4070, 1620, 14290, 77.40));
        assertThat(r.requestsPerThread().avg()).isEqualTo(664.15);
        assertThat(r.requestsPerThread().stdev()).isEqualTo(329.88);
        assertThat(r.requestsPerThread().max()).isEqualTo(1280.0);
        assertThat(r.requestsPerThread().withinStdevPercent()).isEqualTo(52.50);
        assertThat(r.latencyDistributionTitle()).isEqualTo("Latency Distribution");
        assertThat(r.latencyPercentilesUs()).containsOnlyKeys(50.0, 75.0, 90.0, 99.0);
        assertThat(r.percentileUs(50)).isEqualTo(3670.0);
        assertThat(r.percentileUs(99)).isEqualTo(9800.0);
        assertThat(r.requests()).isEqualTo(2646);
        assertThat(r.runtimeUs()).isEqualTo(2_000_000.0);
        assertThat(r.bytesRead()).isCloseTo(509.23 * 1024, within(0.001));
        assertThat(r.socketErrors()).isEqualTo(SocketErrors.NONE);
        assertThat(r.non2xx3xx()).isZero();
        assertThat(r.requestsPerSec()).isEqualTo(1321.66);
        assertThat(r.transferPerSecBytes()).isCloseTo(254.36 * 1024, within(0.001));
    }

    @Test
    void parsesTheLabStackOutputsExactly() {
        WrkResult one = parser.parse(resource("lab-1replica-timeouts.txt"));
        assertThat(one.url()).isEqualTo("http://localhost:8000/orders");
        assertThat(one.connections()).isEqualTo(30);
        assertThat(one.threads()).isEqualTo(2);
        assertThat(one.durationSeconds()).isEqualTo(20);
        assertThat(one.latency()).isEqualTo(new ThreadStat(465_130, 266_450, 1_840_000, 85.15));
        assertThat(one.requests()).isEqualTo(1331);
        assertThat(one.socketErrors()).isEqualTo(new SocketErrors(0, 0, 0, 5));
        assertThat(one.requestsPerSec()).isEqualTo(66.54);

        WrkResult three = parser.parse(resource("lab-3replicas-latency.txt"));
        assertThat(three.percentileUs(99)).isEqualTo(539_470.0);
        assertThat(three.requestsPerSec()).isEqualTo(133.08);

        assertThat(parser.parse(resource("lab-400.txt")).non2xx3xx()).isEqualTo(3539);
        WrkResult tool = parser.parse(resource("lab-compose-tool.txt"));
        assertThat(tool.url()).isEqualTo("http://nginx/orders");
        assertThat(tool.requests()).isEqualTo(783);
    }

    @Test
    void parsesSocketErrorsAndMicrosecondLatency() {
        WrkResult r = parser.parse(resource("wrk41-killed.txt"));

        assertThat(r.latency()).isEqualTo(new ThreadStat(112.01, 240.43, 3970, 97.39));
        assertThat(r.requestsPerThread().avg()).isCloseTo(18_740, within(1e-6));
        assertThat(r.socketErrors()).isEqualTo(new SocketErrors(0, 8, 36649, 0));
        assertThat(r.requests()).isEqualTo(41015);
        assertThat(r.runtimeUs()).isEqualTo(2_020_000.0);
        assertThat(r.bytesRead()).isCloseTo(2.39 * 1024 * 1024, within(0.01));
        assertThat(r.transferPerSecBytes()).isCloseTo(1.18 * 1024 * 1024, within(0.01));
        assertThat(r.latencyDistributionTitle()).isNull();
        assertThat(r.latencyPercentilesUs()).isEmpty();
    }

    @Test
    void parsesTimeoutsAndNon2xx() {
        assertThat(parser.parse(resource("wrk41-slow.txt")).socketErrors()).isEqualTo(new SocketErrors(0, 0, 0, 4));
        WrkResult status = parser.parse(resource("wrk41-status.txt"));
        assertThat(status.non2xx3xx()).isEqualTo(26741);
        assertThat(status.socketErrors().any()).isFalse();
        assertThat(parser.parse(resource("wrk41-404.txt")).non2xx3xx()).isEqualTo(3161);
    }

    @Test
    void parsesRunWithoutAnyResponseWhereWrkPrintsNan() {
        WrkResult r = parser.parse(resource("wrk41-hang.txt"));

        assertThat(r.requests()).isZero();
        assertThat(r.latency().withinStdevPercent()).isNaN();
        assertThat(r.requestsPerThread().withinStdevPercent()).isNaN();
        assertThat(r.bytesRead()).isZero();
        assertThat(r.requestsPerSec()).isZero();
    }

    @Test
    void parsesWrk2DetailedDistribution() {
        WrkResult r = parser.parse(resource("wrk2-detailed.txt"));

        assertThat(r.latencyDistributionTitle()).isEqualTo("Latency Distribution (HdrHistogram - Recorded Latency)");
        assertThat(r.latencyPercentilesUs()).hasSize(8);
        assertThat(r.percentileUs(99.9)).isEqualTo(3010.0);
        assertThat(r.percentileUs(99.999)).isEqualTo(5770.0);
        assertThat(r.percentileUs(100.0)).isEqualTo(5770.0);
        assertThat(r.requestsPerThread().max()).isCloseTo(1440, within(1e-9));
        assertThat(r.requests()).isEqualTo(60005);
        assertThat(r.durationSeconds()).isEqualTo(30);
    }

    @Test
    void toleratesCrlfPromptLinesAndTrailingText() {
        WrkResult r = parser.parse(resource("pasted-crlf-prompt.txt"));

        assertThat(r.url()).isEqualTo("http://localhost:8000/orders");
        assertThat(r.connections()).isEqualTo(30);
        assertThat(r.latency().max()).isEqualTo(312_500.0);
        assertThat(r.socketErrors()).isEqualTo(new SocketErrors(0, 12, 0, 3));
        assertThat(r.non2xx3xx()).isEqualTo(5);
        assertThat(r.runtimeUs()).isEqualTo(20_010_000.0);
        assertThat(r.bytesRead()).isCloseTo(4.56 * 1024 * 1024, within(0.01));
        assertThat(r.requestsPerSec()).isEqualTo(665.37);
    }

    @Test
    void toleratesMarkdownIndentationAndMinuteUnits() {
        WrkResult r = parser.parse(resource("markdown-indented.md"));

        assertThat(r.durationSeconds()).isEqualTo(60);
        assertThat(r.threads()).isEqualTo(4);
        assertThat(r.latency().avg()).isEqualTo(1_020_000.0);
        assertThat(r.latency().max()).isEqualTo(1_990_000.0);
        assertThat(r.runtimeUs()).isEqualTo(60_000_000.0);
        assertThat(r.requestsPerThread().avg()).isEqualTo(25.31);
        assertThat(r.socketErrors().timeout()).isEqualTo(41);
    }

    @Test
    void toleratesMarkdownQuoteMarks() {
        String quoted = resource("wrk41-latency.txt").lines().map(l -> "> " + l).reduce("", (a, b) -> a + b + "\n");
        assertThat(parser.parse(quoted).requests()).isEqualTo(2646);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrk41-latency.txt", "wrk41-python-http10.txt", "wrk41-404.txt", "wrk41-garbage.txt",
            "wrk41-reset.txt", "wrk41-slow.txt", "wrk41-status.txt", "wrk41-killed.txt", "wrk41-hang.txt",
            // captured on the lab stack itself: 1 and 3 replicas, timeouts, --latency, 400s, the compose wrk tool
            "lab-1replica.txt", "lab-1replica-timeouts.txt", "lab-1replica-latency.txt", "lab-3replicas.txt",
            "lab-3replicas-latency.txt", "lab-400.txt", "lab-compose-tool.txt"})
    void formatReproducesRealWrkOutputByteForByte(String name) {
        String text = resource(name);
        assertThat(parser.parse(text).format()).isEqualTo(text);
    }

    @Test
    void formatOfWrk2ResultParsesBackToTheSameFigures() {
        WrkResult r = parser.parse(resource("wrk2-detailed.txt"));
        WrkResult again = parser.parse(r.format());
        assertThat(again).isEqualTo(r);
        assertThat(again.format()).contains(" 99.900%    3.01ms\n");
    }

    @Test
    void rejectsTextWithoutRunningLine() {
        assertThatThrownBy(() -> parser.parse("hello\nworld\n"))
                .isInstanceOf(WrkParseException.class)
                .hasMessageContaining("Строка 1")
                .hasMessageContaining("Running");
    }

    @Test
    void rejectsMissingReqSecRowWithItsLineNumber() {
        String broken = resource("wrk41-latency.txt").replace("    Req/Sec   664.15    329.88     1.28k    52.50%\n", "");
        assertThatThrownBy(() -> parser.parse(broken))
                .isInstanceOf(WrkParseException.class)
                .hasMessageContaining("Строка 5")
                .hasMessageContaining("Req/Sec")
                .satisfies(e -> assertThat(((WrkParseException) e).lineNumber()).isEqualTo(5));
    }

    @Test
    void rejectsUnknownLatencyUnit() {
        String broken = resource("wrk41-latency.txt").replace("4.07ms", "4.07xs");
        assertThatThrownBy(() -> parser.parse(broken))
                .isInstanceOf(WrkParseException.class)
                .hasMessageContaining("Строка 4")
                .hasMessageContaining("4.07xs");
    }

    @Test
    void rejectsTruncatedOutput() {
        String text = resource("wrk41-latency.txt");
        String truncated = text.substring(0, text.indexOf("Requests/sec"));
        assertThatThrownBy(() -> parser.parse(truncated))
                .isInstanceOf(WrkParseException.class)
                .hasMessageContaining("оборвался")
                .hasMessageContaining("Requests/sec");
    }

    @Test
    void rejectsForeignLineInsideTheBlock() {
        String broken = resource("wrk41-latency.txt").replace("     75%    4.76ms\n", "     75%    4.76ms\nsomething else\n");
        assertThatThrownBy(() -> parser.parse(broken))
                .isInstanceOf(WrkParseException.class)
                .hasMessageContaining("Строка 9")
                .hasMessageContaining("something else");
    }
}
