package ru.mpgu.lab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.mpgu.lab.measure.load.LoadConfig;
import ru.mpgu.lab.measure.load.LoadGenerator;
import ru.mpgu.lab.measure.load.LoadResult;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.testing.RawHttpServer;

/** load.no_errors judged on real runs of the load generator against raw servers on loopback. */
class LoadChecksTest {

    private static final Check NO_ERRORS = RubricLoader.load(Path.of("rubric.yaml").toAbsolutePath())
            .check("load.no_errors").orElseThrow();

    private RawHttpServer raw;

    @AfterEach
    void stop() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    private LoadResult run() {
        return new LoadGenerator().run(LoadConfig.of(raw.url("/orders"), 2, 1, Duration.ofMillis(600))
                .withTimeout(Duration.ofMillis(150)));
    }

    @Test
    void aStackThatAcceptsConnectionsAndNeverAnswersFails() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            Thread.sleep(5_000);
            return false;
        });

        CheckOutcome o = LoadChecks.judgeErrors(NO_ERRORS, run());

        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("ни одного ответа").contains("тайм-аутов: 2");
    }

    /** A late answer is a request and a timeout both: counted once, every request here failed, not half of them. */
    @Test
    void aStackWhoseEveryAnswerIsLateFailsWithAllOfItsRequests() throws Exception {
        raw = new RawHttpServer(RawHttpServer.slow(250, RawHttpServer.OK_KEEP_ALIVE));

        LoadResult r = run();
        CheckOutcome o = LoadChecks.judgeErrors(NO_ERRORS, r);

        assertThat(r.requests()).isPositive();
        assertThat(r.attempts()).isEqualTo(r.requests() + r.unansweredAtEnd());
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).containsPattern("\\(100[.,]0 %\\)");
    }

    @Test
    void aStackThatAnswersPasses() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            out.write(RawHttpServer.OK_KEEP_ALIVE.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });

        CheckOutcome o = LoadChecks.judgeErrors(NO_ERRORS, run());

        assertThat(o.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(o.message()).startsWith("без ошибок");
    }
}
