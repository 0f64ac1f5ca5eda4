package ru.mpgu.lab.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.grading.GradingConfig;
import ru.mpgu.lab.grading.GradingResult;
import ru.mpgu.lab.grading.LabGrader;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;

/**
 * The five real task groups graded against stack facts, without Docker: with every live check passed the
 * fixtures earn what FixtureGradingIT pins for them on the real stack (model 10, template 3.5).
 * The model was recorded on the stand of variant V37-V3NC (its .env: LAB_STUDENT_ID=ivanov), so its wrk outputs match
 * that variant. The partial fixture has no .env: the evidence that requires a variant (rubric: require_variant) earns
 * nothing for it (3.6).
 */
class FactsReplayTest {

    static final List<String> LIVE = List.of("launch.stack_boots", "launch.orders_json", "load.no_errors",
            "metrics.prometheus_counter", "metrics.dashboard_queries", "scaling.balanced", "scaling.prometheus_targets");
    static final Path RUBRIC = Fixtures.TEMPLATE.resolve("rubric.yaml");

    @TempDir
    Path work;

    @Test
    void theModelAnswerEarnsTenAgainstAHealthyStacksFacts() throws Exception {
        GradingResult result = grade("model");
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(10.0);
        for (String id : List.of("launch.screenshot_orders", "load.wrk_output_valid", "scaling.wrk_second_run",
                "metrics.screenshot_grafana")) {
            assertThat(line(result, id).kind()).as(id).isNotEqualTo(ru.mpgu.lab.rubric.FailureKind.NO_VARIANT);
        }
        assertThat(line(result, "load.wrk_output_valid").details()).anySatisfy(d -> assertThat(d).startsWith("✓").contains("V37-V3NC"));
        CheckLine boots = line(result, "launch.stack_boots");
        assertThat(boots.details()).anySatisfy(d -> assertThat(d).startsWith("замер стенда "));
        assertThat(result.measurements()).containsEntry("rps_1_replica", 250.0);
    }

    @Test
    void theTemplateEarnsWhatTheSystemDoes() throws Exception {
        assertThat(grade(null).sheet().total()).as("gates earn nothing: the template alone scores 0").isEqualTo(0.0);
    }

    @Test
    void aStackThatDidNotBootFailsItsLiveChecksForEveryStudentWithIt() throws Exception {
        Path repo = Fixtures.submission("model", work);
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        LIVE.forEach(id -> outcomes.put(id, CheckOutcome.failed(id, "стенд не запустился: web упал")));
        Path facts = StackFacts.measured(repo, RUBRIC, Instant.now(), outcomes, Map.of(), Map.of("service-logs.txt", "web | boom"))
                .write(work.resolve("facts.json"));
        GradingResult result = LabGrader.grade(config(repo).withFacts(facts));
        assertThat(LIVE).allSatisfy(id -> assertThat(line(result, id).status()).isEqualTo(CheckStatus.FAILED));
        assertThat(result.reportDir().resolve("service-logs.txt")).hasContent("web | boom");
        assertThat(result.sheet().infraFailure()).isFalse();
    }

    /** What the batch runs in its own JVM for a submission whose stack is already measured. */
    @Test
    void theBatchGradesInProcessAgainstTheFactsAndKeepsTheSheet() throws Exception {
        Path repo = Fixtures.submission("partial", work);
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        LIVE.forEach(id -> outcomes.put(id, CheckOutcome.passed(id, "на стенде: выполнено")));
        Path facts = StackFacts.measured(repo, RUBRIC, Instant.now(), outcomes, Map.of("rps_1_replica", 250.0), Map.of())
                .write(work.resolve("facts.json"));
        ru.mpgu.lab.batch.GradingOutcome outcome = new ru.mpgu.lab.batch.InProcessGrader().grade(new ru.mpgu.lab.batch.GradeRequest(
                "partial", repo, work.resolve("out/report"), RUBRIC, null, java.time.Duration.ofMinutes(1), work.resolve("out/log"), facts));
        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.infrastructureFailure()).isFalse();
        // was 5.4; without a variant the /orders screenshot (0.5), run 1 (0.5) and run 2 (0.8) earn nothing
        assertThat(outcome.sheet().total()).as("partial without a variant").isEqualTo(3.6);
        assertThat(outcome.measurements()).containsEntry("rps_1_replica", 250.0);
        assertThat(outcome.notices()).anySatisfy(n -> assertThat(n).contains("замер стенда"));
        assertThat(work.resolve("out/report").resolve(ru.mpgu.lab.output.ScoreSheetJson.FILE_NAME)).exists();
    }

    private GradingResult grade(String fixture) throws Exception {
        Path repo = Fixtures.submission(fixture, work);
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        LIVE.forEach(id -> outcomes.put(id, CheckOutcome.passed(id, "на стенде: выполнено")));
        Path facts = StackFacts.measured(repo, RUBRIC, Instant.now(), outcomes,
                Map.of("rps_1_replica", 250.0, "rps_3_replicas", 600.0), Map.of()).write(work.resolve("facts.json"));
        return LabGrader.grade(config(repo).withFacts(facts));
    }

    private GradingConfig config(Path repo) {
        return GradingConfig.forRepo(repo).withReportDir(work.resolve("report")).withRubric(RUBRIC).quietly(true);
    }

    private static CheckLine line(GradingResult result, String id) {
        return result.sheet().allChecks().filter(l -> l.checkId().equals(id)).findFirst().orElseThrow();
    }
}
