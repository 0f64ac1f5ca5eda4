package ru.mpgu.lab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

class WrkChecksTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private final Rubric rubric = RubricLoader.load(Path.of("rubric.yaml"));

    private LabReport report(String fixture) {
        return ReportParser.parse(FIXTURES.resolve(fixture).resolve("report/REPORT.md"));
    }

    private Check check(String id) {
        return rubric.check(id).orElseThrow();
    }

    @Test
    void realOutputWithTheLabParametersPasses() {
        assertThat(WrkChecks.outputValid(check("load.wrk_output_valid"), report("model").oneReplica(), "Прогон 1").status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(WrkChecks.consistent(check("load.wrk_consistent"), report("model").oneReplica(), "Прогон 1").status())
                .isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void editedRequestsPerSecondIsCaughtAsHandEdited() {
        var outcome = WrkChecks.outputValid(check("load.wrk_output_valid"), report("fabricated").oneReplica(), "Прогон 1");
        assertThat(outcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcome.message()).contains("правились вручную", "строка");
    }

    @Test
    void wrongParametersEarnHalf() throws Exception {
        String text = Files.readString(FIXTURES.resolve("model/report/REPORT.md"))
                .replace("2 threads and 30 connections", "2 threads and 10 connections");
        LabReport report = ReportParser.parseText(text, Path.of("REPORT.md"));
        var outcome = WrkChecks.outputValid(check("load.wrk_output_valid"), report.oneReplica(), "Прогон 1");
        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.fraction()).isEqualTo(0.5);
        assertThat(outcome.message()).contains("соединений 10, нужно -c30");
    }

    @Test
    void reportedNumbersThatDoNotMatchTheOutputAreNamedWithTheirLine() throws Exception {
        String model = Files.readString(FIXTURES.resolve("model/report/REPORT.md"));
        String text = model.replaceFirst("Requests/sec: 34.10", "Requests/sec: 150");
        assertThat(text).as("the model's filled-in run 1 line was edited").isNotEqualTo(model);
        LabReport report = ReportParser.parseText(text, Path.of("REPORT.md"));
        var outcome = WrkChecks.consistent(check("load.wrk_consistent"), report.oneReplica(), "Прогон 1");
        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.message()).containsPattern("строка \\d+: вписано Requests/sec 150");
    }

    @Test
    void littlesLawViolationIsReported() throws Exception {
        // Latency ten times lower, Requests/sec untouched: 34 req/s × 86 ms ≈ 3 in flight, not 30.
        String model = Files.readString(FIXTURES.resolve("model/report/REPORT.md"));
        String text = model.replaceFirst("Latency   859.42ms", "Latency    85.94ms").replaceFirst("Latency Avg\\): 859.42ms", "Latency Avg): 85.94ms");
        assertThat(text).as("the model's run 1 latency was edited").doesNotContain("859.42ms");
        LabReport report = ReportParser.parseText(text, Path.of("REPORT.md"));
        var outcome = WrkChecks.consistent(check("load.wrk_consistent"), report.oneReplica(), "Прогон 1");
        assertThat(outcome.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcome.message()).contains("закон Литтла");
    }

    @Test
    void missingOutputFails() {
        LabReport empty = ReportParser.parse(Path.of("report/REPORT.md"));
        assertThat(WrkChecks.outputValid(check("load.wrk_output_valid"), empty.oneReplica(), "Прогон 1").status())
                .isEqualTo(CheckStatus.FAILED);
    }
}
