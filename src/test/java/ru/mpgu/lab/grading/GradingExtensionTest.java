package ru.mpgu.lab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.stack.StackException;

/** The grading extension on a real Jupiter engine (EngineTestKit): outcomes, verdicts, the run's life, replayed facts. */
class GradingExtensionTest {

    static final Path RUBRIC = Path.of("rubric.yaml").toAbsolutePath();

    @TempDir
    Path repo;

    // --- task-like classes run by the engine below (static nested: never picked up by Surefire itself) ---

    @ExtendWith(GradingExtension.class)
    static class Verdicts {
        @Test
        @RubricCheck("launch.answer1")
        void passes(LabRun lab) {
        }

        @Test
        @RubricCheck("load.answer2")
        void failsAnAssertion(LabRun lab) {
            throw new AssertionError("нет ответа");
        }

        @Test
        @RubricCheck("metrics.answer3")
        void isAborted(LabRun lab) {
            throw new TestAbortedException("не запускалась");
        }

        @Test
        @RubricCheck("launch.stack_boots")
        void machineFails(LabRun lab) {
            throw new StackException(FailureKind.INFRASTRUCTURE, "Docker не отвечает");
        }

        @Test
        @RubricCheck("scaling.answer4")
        void givesPartialPoints(LabRun lab) {
            ru.mpgu.lab.grading.Verdicts.expect(lab, CheckOutcome.partial("scaling.answer4", 0.5, "половина"));
        }
    }

    /** First attempt gives its own verdict, the second passes on its own: the stale verdict must not win. */
    @ExtendWith(GradingExtension.class)
    static class Retried {
        @RepeatedTest(2)
        @RubricCheck("explanation.answer5")
        void firstFailsThenPasses(LabRun lab, RepetitionInfo repetition) {
            if (repetition.getCurrentRepetition() == 1) {
                ru.mpgu.lab.grading.Verdicts.expect(lab, CheckOutcome.failed("explanation.answer5", "первая попытка"));
            }
        }
    }

    @ExtendWith(GradingExtension.class)
    static class InjectsTheCheck {
        static volatile Check seen;
        static volatile LabRun run;

        @Test
        @RubricCheck("load.no_errors")
        void getsItsRubricEntry(LabRun lab, Check check) {
            seen = check;
            run = lab;
        }
    }

    @ExtendWith(GradingExtension.class)
    static class LiveCheck {
        static volatile boolean bodyRan;

        @Test
        @RubricCheck("load.no_errors")
        void usesTheStack(LabRun lab) {
            bodyRan = true;
            lab.stack(); // no docker-compose.yml in the repo: the student's fault, found before Docker is asked
        }

        @Test
        @RubricCheck("launch.answer1")
        void readsOnlyTheReport(LabRun lab) {
        }
    }

    // --- the tests ---

    @Test
    void eachTestsResultBecomesItsChecksOutcome() {
        Map<String, CheckOutcome> outcomes = outcomes(run(Verdicts.class, Map.of()));
        assertThat(outcomes.get("launch.answer1").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(outcomes.get("load.answer2").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(outcomes.get("load.answer2").message()).isEqualTo("нет ответа");
        assertThat(outcomes.get("metrics.answer3").status()).isEqualTo(CheckStatus.NOT_RUN);
        assertThat(outcomes.get("launch.stack_boots").status()).isEqualTo(CheckStatus.INFRA_ERROR);
        assertThat(outcomes.get("scaling.answer4").status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(outcomes.get("scaling.answer4").fraction()).isEqualTo(0.5);
    }

    /** The old extension removed stale outcomes from a copy, so the first attempt's FAILED stayed. */
    @Test
    void aVerdictFromAnEarlierAttemptIsForgotten() {
        EngineExecutionResults results = run(Retried.class, Map.of());
        List<CheckOutcome> published = published(results);
        assertThat(published).extracting(CheckOutcome::status).containsExactly(CheckStatus.FAILED, CheckStatus.PASSED);
        assertThat(outcomes(results).get("explanation.answer5").status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void aTestGetsItsCheckFromTheAnnotationAndJunitClosesTheRun() {
        run(InjectsTheCheck.class, Map.of());
        assertThat(InjectsTheCheck.seen.id()).isEqualTo("load.no_errors");
        assertThat(InjectsTheCheck.seen.params()).containsKey("connections");
        assertThat(InjectsTheCheck.run.isClosed()).as("closed by the root store when the engine finished").isTrue();
    }

    @Test
    void aMeasuringRunSavesTheLiveOutcomesAsStackFacts() throws Exception {
        Path facts = repo.resolve("facts.json");
        LiveCheck.bodyRan = false;
        run(LiveCheck.class, Map.of(GradingConfig.FACTS, facts.toString()));
        assertThat(LiveCheck.bodyRan).isTrue();
        StackFacts saved = StackFacts.read(facts);
        assertThat(saved.outcomes()).containsOnlyKeys("load.no_errors");
        assertThat(saved.outcomes().get("load.no_errors").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(saved.outcomes().get("load.no_errors").message()).contains("docker-compose.yml");
        assertThat(saved.phaseMillis()).as("where the measurement's time went").containsKeys("запуск стенда",
                LabRun.CHECK_PHASE + "load.no_errors");
        assertThat(saved.describePhases()).contains("проверка load.no_errors").contains("всего");
    }

    @Test
    void onlyAClearAnswerAboutTheStackIsShared() {
        assertThat(LabRun.worthSharing(null)).as("booted").isTrue();
        assertThat(LabRun.worthSharing(new StackException(FailureKind.COMPOSE_INVALID, "docker-compose.yml содержит ошибку")))
                .as("rejected before any container ran").isTrue();
        assertThat(LabRun.worthSharing(new StackException(FailureKind.STACK_DID_NOT_BOOT, "не запустились сервисы db (running, unhealthy)",
                "db-1 | LOG: checkpoint starting"))).as("containers ran, then failed: maybe a busy machine").isFalse();
        assertThat(LabRun.worthSharing(new StackException(FailureKind.POLICY_REFUSED, "любой текст")))
                .as("refused by the policy").isTrue();
        assertThat(LabRun.worthSharing(new StackException(FailureKind.STACK_DID_NOT_BOOT, "не поднялся", "")))
                .as("decided by the kind, not by whether compose printed logs").isFalse();
    }

    @Test
    void factsOfTheSameStackAreReplayedWithoutRunningTheCheck() throws Exception {
        Path facts = repo.resolve("facts.json");
        StackFacts.measured(repo, RUBRIC, Instant.parse("2026-12-01T21:30:00Z"),
                Map.of("load.no_errors", CheckOutcome.passed("load.no_errors", "без ошибок: 4000 запросов")),
                Map.of("rps_1_replica", 200.0), Map.of()).write(facts);
        LiveCheck.bodyRan = false;
        EngineExecutionResults results = run(LiveCheck.class, Map.of(GradingConfig.FACTS, facts.toString()));
        assertThat(LiveCheck.bodyRan).as("the stack is not booted again").isFalse();
        CheckOutcome replayed = outcomes(results).get("load.no_errors");
        assertThat(replayed.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(replayed.message()).isEqualTo("без ошибок: 4000 запросов");
        assertThat(replayed.details()).anySatisfy(d -> assertThat(d).contains("замер стенда", "01.12.2026 21:30 UTC"));
        assertThat(entries(results)).anySatisfy(e -> assertThat(e).containsEntry("lab.measurement.rps_1_replica", "200.0"));
    }

    @Test
    void factsOfAnotherStackAreNotReplayed() throws Exception {
        Path facts = repo.resolve("facts.json");
        StackFacts.measured(repo, RUBRIC, Instant.now(),
                Map.of("load.no_errors", CheckOutcome.passed("load.no_errors", "чужой стенд")), Map.of(), Map.of()).write(facts);
        Files.createDirectories(repo.resolve("nginx"));
        Files.writeString(repo.resolve("nginx/default.conf"), "changed after the measurement");
        LiveCheck.bodyRan = false;
        EngineExecutionResults results = run(LiveCheck.class, Map.of(GradingConfig.FACTS, facts.toString()));
        assertThat(LiveCheck.bodyRan).isTrue();
        assertThat(outcomes(results).get("load.no_errors").message()).doesNotContain("чужой стенд");
    }

    // --- helpers ---

    EngineExecutionResults run(Class<?> testClass, Map<String, String> extra) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter(GradingConfig.REPO, repo.toString())
                .configurationParameter(GradingConfig.RUBRIC, RUBRIC.toString())
                .configurationParameter(GradingConfig.QUIET, "true");
        extra.forEach(builder::configurationParameter);
        return builder.execute();
    }

    static List<Map<String, String>> entries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class)).flatMap(Optional::stream)
                .map(ReportEntry::getKeyValuePairs).toList();
    }

    static List<CheckOutcome> published(EngineExecutionResults results) {
        return entries(results).stream().map(RunEvents::outcome).flatMap(Optional::stream).toList();
    }

    /** The last outcome per check, as the listener keeps them. */
    static Map<String, CheckOutcome> outcomes(EngineExecutionResults results) {
        Map<String, CheckOutcome> last = new java.util.LinkedHashMap<>();
        published(results).forEach(o -> last.put(o.checkId(), o));
        return last;
    }

    @SuppressWarnings("unused")
    private static String describe(Event e) {
        return e.toString();
    }
}
