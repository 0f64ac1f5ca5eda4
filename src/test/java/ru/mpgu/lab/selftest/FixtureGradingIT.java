package ru.mpgu.lab.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.grading.GradingConfig;
import ru.mpgu.lab.grading.GradingResult;
import ru.mpgu.lab.grading.LabGrader;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.stack.CommandRunner;
import ru.mpgu.lab.stack.StaleStacks;

/**
 * Grades each fixture submission on the real Docker stack and pins its exact points and key messages.
 * Reports are kept under target/selftest/&lt;fixture&gt;/ for a person to read.
 */
class FixtureGradingIT {

    @TempDir
    static Path work;

    @BeforeAll
    static void noGraderStacksBefore() {
        StaleStacks.removeAbandoned(message -> { });
    }

    @AfterAll
    static void noGraderStacksAfter() {
        assertThat(StaleStacks.graderProjects()).as("containers, networks or volumes left by the grader").isEmpty();
    }

    @Test
    void modelAnswerScoresTenOfTen() {
        GradingResult result = grade("model");
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(10.0);
        assertThat(result.sheet().passed()).isTrue();
        // the evidence of issue 14 item 2: the -c1 baseline, the database at its limit, the «Вывод»
        assertThat(status(result, "launch.wrk_baseline")).isEqualTo(CheckStatus.PASSED);
        assertThat(status(result, "explanation.db_evidence")).isEqualTo(CheckStatus.PASSED);
        assertThat(line(result, "explanation.db_evidence").message()).contains("db: CPU 40.1 %");
        assertThat(status(result, "explanation.conclusion")).isEqualTo(CheckStatus.PASSED);
        assertThat(result.measurements()).containsKeys("rps_1_replica", "rps_3_replicas");
        assertThat(Files.exists(result.reportDir().resolve("results.json"))).isTrue();
    }

    @Test
    void untouchedTemplateEarnsNothing() {
        GradingResult result = grade(null);
        // Was 3.5: the stack's own checks earned points. They are gates now: they pass, are reported, earn nothing.
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(0.0);
        for (String gate : List.of("launch.stack_boots", "launch.orders_json", "load.no_errors", "metrics.prometheus_counter",
                "metrics.dashboard_queries", "scaling.balanced", "scaling.prometheus_targets")) {
            assertThat(status(result, gate)).as(gate).isEqualTo(CheckStatus.PASSED);
            assertThat(points(result, gate)).as(gate).isZero();
            assertThat(line(result, gate).max()).as(gate).isZero();
        }
        assertThat(result.consoleSummary()).contains("Что исправить", "Ответ на вопрос 1 не заполнен");
    }

    @Test
    void partialAnswerLosesExactlyWhatIsMissing() {
        GradingResult result = grade("partial");
        // «База данных не является узким местом»: the key claim denied is a wrong answer (issue 12), no longer a review
        assertThat(status(result, "explanation.answer5")).as("negated answer 5").isEqualTo(CheckStatus.FAILED);
        assertThat(line(result, "explanation.answer5").details()).anySatisfy(d -> assertThat(d).startsWith("[отрицание]"));
        assertThat(status(result, "metrics.screenshot_grafana")).isEqualTo(CheckStatus.FAILED);
        assertThat(status(result, "load.answer2")).isIn(CheckStatus.FAILED, CheckStatus.NEEDS_REVIEW);
        // no .env: run 2 cannot be tied to the student's variant, so the teacher decides (it was PARTIAL, 5/6 filled)
        assertThat(status(result, "scaling.wrk_second_run")).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(line(result, "scaling.wrk_second_run").kind()).isEqualTo(ru.mpgu.lab.rubric.FailureKind.NO_VARIANT);
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(EXPECTED_PARTIAL);
    }

    @Test
    void editedWrkNumbersAreCaught() {
        GradingResult result = grade("fabricated");
        assertThat(status(result, "load.wrk_output_valid")).isEqualTo(CheckStatus.FAILED);
        assertThat(line(result, "load.wrk_output_valid").message()).contains("правились вручную");
        assertThat(status(result, "load.wrk_consistent")).isEqualTo(CheckStatus.FAILED);
        assertThat(status(result, "scaling.wrk_second_run")).isEqualTo(CheckStatus.FAILED);
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(EXPECTED_FABRICATED);
    }

    @Test
    void brokenComposeFileIsTheStudentsFault() {
        GradingResult result = grade("broken-compose");
        assertThat(status(result, "launch.stack_boots")).isEqualTo(CheckStatus.FAILED);
        assertThat(line(result, "launch.stack_boots").message()).contains("docker-compose.yml содержит ошибку");
        assertThat(result.sheet().infraFailure()).isFalse();
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(EXPECTED_REPORT_ONLY);
    }

    @Test
    void aServiceThatCrashesIsTornDownWithItsLogsAttached() {
        GradingResult result = grade("crashing-setup");
        assertThat(status(result, "launch.stack_boots")).isEqualTo(CheckStatus.FAILED);
        assertThat(line(result, "launch.stack_boots").message()).contains("setup");
        assertThat(result.sheet().infraFailure()).isFalse();
        assertThat(result.reportDir().resolve("service-logs.txt")).content().contains("migration 0002 failed");
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(EXPECTED_REPORT_ONLY);
    }

    @Test
    void maliciousComposeFileIsRefusedBeforeAnyContainerStarts() {
        List<String> before = containers();
        GradingResult result = grade("malicious");
        assertThat(containers()).as("no container may be created for a refused compose file").isEqualTo(before);
        assertThat(line(result, "launch.stack_boots").message())
                .contains("отклонён из соображений безопасности", "privileged", "docker.sock", "вне репозитория");
        assertThat(result.sheet().total()).as(result.consoleSummary()).isEqualTo(EXPECTED_REPORT_ONLY);
    }

    /**
     * A full (old-form) report whose stack does not boot: was 6.5 (screenshots, answers, both wrk runs, completeness).
     * Now every piece of evidence requires a gate that failed, so only the five answers (5 × 1) and the completeness
     * share count: 15 of 21 parts filled (no baseline, database section or «Вывод») × 0.2 = 0.1. Total 5.1.
     */
    private static final double EXPECTED_REPORT_ONLY = 5.1;
    /**
     * Was 8.1, then 5.4. Now 3.6: the partial report has no .env, so its evidence that the teacher's rubric ties to a
     * variant (require_variant, issue 16) cannot be tied to the student's stand: the /orders screenshot 0.5, run 1 0.5
     * and run 2 0.8 go to the teacher with 0 («нет варианта»). The rest as before: answers 1, 3, 4 full, answer 2 too
     * short, the negated answer 5 fails, completeness 12/21 × 0.2 → 0.1.
     */
    private static final double EXPECTED_PARTIAL = 3.6;
    /**
     * Was 8.5, then 6.6. Now 5.1, below the pass mark: the edited wrk outputs earn nothing as before, and the two
     * screenshots (0.5 + 1) no longer count without a variant to tie them to the student's stand (no .env:
     * require_variant, issue 16). What is left: the model's answers (5 × 1) and the completeness share (0.1).
     */
    private static final double EXPECTED_FABRICATED = 5.1;

    private static GradingResult grade(String fixture) {
        Path repo = Fixtures.submission(fixture, work);
        Path reportDir = Fixtures.TEMPLATE.resolve("target/selftest").resolve(fixture == null ? "template" : fixture);
        long start = System.nanoTime();
        GradingResult result = LabGrader.grade(GradingConfig.forRepo(repo).withReportDir(reportDir)
                .withRubric(teacherRubric()));
        System.out.printf("[selftest] %s: %s из 10 за %d с%n", fixture == null ? "template" : fixture,
                result.sheet().total(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
        return result;
    }

    /**
     * The kit's rubric; on a crowded machine -Dlab.selftest.boot_timeout_seconds=N gives the stack longer to boot
     * (a copy of the rubric, with the teacher's folder next to it as the grader expects).
     */
    private static Path teacherRubric() {
        Path rubric = Fixtures.TEMPLATE.resolve("rubric.yaml");
        String timeout = System.getProperty("lab.selftest.boot_timeout_seconds", "");
        if (timeout.isBlank()) {
            return rubric;
        }
        try {
            Path dir = Files.createDirectories(work.resolve("kit"));
            Files.writeString(dir.resolve("rubric.yaml"), Files.readString(rubric)
                    .replace("boot_timeout_seconds: 180", "boot_timeout_seconds: " + Integer.parseInt(timeout.trim())));
            Files.createDirectories(dir.resolve("teacher"));
            Files.copy(Fixtures.TEMPLATE.resolve("teacher/published-hints.txt"), dir.resolve("teacher/published-hints.txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return dir.resolve("rubric.yaml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CheckLine line(GradingResult result, String checkId) {
        return result.sheet().allChecks().filter(l -> l.checkId().equals(checkId)).findFirst().orElseThrow();
    }

    private static CheckStatus status(GradingResult result, String checkId) {
        return line(result, checkId).status();
    }

    private static double points(GradingResult result, String checkId) {
        return line(result, checkId).earned();
    }

    private static List<String> containers() {
        return CommandRunner.run(null, Map.of(), Duration.ofSeconds(20), List.of("docker", "ps", "-aq")).output()
                .lines().sorted().toList();
    }
}
