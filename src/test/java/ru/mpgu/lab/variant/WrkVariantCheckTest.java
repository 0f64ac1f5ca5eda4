package ru.mpgu.lab.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.measure.wrk.WrkUnits;

public class WrkVariantCheckTest {

    /** Real wrk 4.1 against the lab stack with LAB_STUDENT_ID=ivanov (V37-V3NC), a busy shared machine. */
    public static final String IVANOV_REAL = """
            Running 10s test @ http://127.0.0.1:18616/orders
              2 threads and 30 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.32s   486.40ms   1.98s    66.67%
                Req/Sec     5.30      4.06    20.00     56.52%
              51 requests in 10.05s, 360.14KB read
              Socket errors: connect 0, read 0, write 0, timeout 45
            Requests/sec:      5.07
            Transfer/sec:     35.82KB
            """;

    static WrkResult output(long requests, double bytes, String url, String extra) {
        double seconds = 20.02;
        String text = String.format(Locale.ROOT, """
                Running 20s test @ %s
                  2 threads and 30 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   822.12ms  120.40ms   1.50s    70.00%%
                    Req/Sec    18.30      6.06    40.00     66.52%%
                  %d requests in %.2fs, %sB read
                %sRequests/sec: %9.2f
                Transfer/sec: %10sB
                """, url, requests, seconds, WrkUnits.formatBinary(bytes), extra, requests / seconds,
                WrkUnits.formatBinary(bytes / seconds));
        return new WrkOutputParser().parse(text);
    }

    @Test
    void aRealOutputIsAcceptedForItsOwnVariantOnly() {
        WrkResult real = new WrkOutputParser().parse(IVANOV_REAL);
        StudentVariant own = StudentVariant.of("ivanov", "V37-V3NC");
        assertThat(WrkVariantCheck.check(real, own).kind()).isEqualTo(WrkVariantCheck.Kind.MATCHES);
        for (int n : new int[]{1, 36, 38, 40}) {
            StudentVariant other = new StudentVariant("x", Variants.codeFor("x", n), n);
            WrkVariantCheck.Verdict v = WrkVariantCheck.check(real, other);
            if (n == 36) {
                // 48 bytes below: reachable only if a response was cut off at the end, which 51 responses cannot rule out
                assertThat(v.kind()).isEqualTo(WrkVariantCheck.Kind.SUSPICIOUS);
                assertThat(v.message()).contains("V37").contains("проверит преподаватель");
                continue;
            }
            assertThat(v.kind()).as("variant %d", n).isEqualTo(WrkVariantCheck.Kind.MISMATCH);
            assertThat(v.nearest()).isEqualTo(37);
            assertThat(v.message()).contains("не на вашем стенде").contains("V37").contains(other.code());
        }
    }

    @Test
    void atTheLabsRequestCountsNeighbouringVariantsAreTold() {
        for (long requests : new long[]{300, 700, 2500, 40_000}) {
            for (int n = 1; n <= Variants.COUNT; n++) {
                WrkResult w = output(requests, requests * (double) Variants.responseBytes(n), "http://localhost:8000/orders", "");
                for (int m = 1; m <= Variants.COUNT; m++) {
                    StudentVariant v = new StudentVariant("", Variants.codeFor("x", m), m);
                    WrkVariantCheck.Kind kind = WrkVariantCheck.check(w, v).kind();
                    if (m == n) {
                        assertThat(kind).as("own %d at %d requests", n, requests).isEqualTo(WrkVariantCheck.Kind.MATCHES);
                    } else {
                        assertThat(kind).as("%d's output for %d at %d requests", n, m, requests)
                                .isIn(WrkVariantCheck.Kind.MISMATCH, WrkVariantCheck.Kind.SUSPICIOUS);
                    }
                }
            }
        }
    }

    @Test
    void replicaAddressesOfAnyLengthAndAResponseCutOffAtTheEndAreNeverFlagged() {
        int n = 12;
        long size = Variants.responseBytes(n);
        StudentVariant own = new StudentVariant("", Variants.codeFor("x", n), n);
        for (int addr = -WrkVariantCheck.ADDRESS_SHORTER; addr <= WrkVariantCheck.ADDRESS_LONGER; addr++) {
            for (double cut : new double[]{0, 212, size - 1}) {
                WrkResult w = output(700, 700.0 * (size + addr) + cut, "http://localhost:8000/orders", "");
                assertThat(WrkVariantCheck.check(w, own).kind()).as("addr %d cut %s", addr, cut)
                        .isNotEqualTo(WrkVariantCheck.Kind.MISMATCH);
            }
        }
    }

    @Test
    void errorsAndOtherUrlsAreNotJudged() {
        StudentVariant own = new StudentVariant("", Variants.codeFor("x", 3), 3);
        assertThat(WrkVariantCheck.check(output(700, 700.0 * 6000, "http://localhost:8000/orders?limit=50", ""), own).kind())
                .isEqualTo(WrkVariantCheck.Kind.UNCHECKABLE);
        assertThat(WrkVariantCheck.check(output(700, 700.0 * 6000, "http://localhost:8000/orders", "  Non-2xx or 3xx responses: 12\n"),
                own).kind()).isEqualTo(WrkVariantCheck.Kind.UNCHECKABLE);
    }

    @Test
    void aTemplateStandIsNamedAsSuch() {
        WrkResult w = output(900, 900.0 * (Variants.BASE_RESPONSE_BYTES - 6), "http://localhost:8000/orders", "");
        WrkVariantCheck.Verdict v = WrkVariantCheck.check(w, new StudentVariant("", Variants.codeFor("x", 5), 5));
        assertThat(v.kind()).isEqualTo(WrkVariantCheck.Kind.MISMATCH);
        assertThat(v.message()).contains("без варианта");
    }
}
