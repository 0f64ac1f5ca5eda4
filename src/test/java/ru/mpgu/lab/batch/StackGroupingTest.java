package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC_FILE;
import static ru.mpgu.lab.batch.BatchFixtures.ok;
import static ru.mpgu.lab.batch.BatchFixtures.sheet;
import static ru.mpgu.lab.batch.BatchFixtures.submission;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.facts.StackHash;
import ru.mpgu.lab.rubric.CheckOutcome;

/** The batch boots each distinct stack once and grades the rest against its facts; a resumed batch measures nothing. */
class StackGroupingTest {

    /** Stands in for the child JVM: grades and, like it, writes the stack facts it measured. */
    static final class Measuring implements SubmissionGrader {
        final List<GradeRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public GradingOutcome grade(GradeRequest r) {
            requests.add(r);
            try {
                StackFacts.measured(r.repo(), r.rubric(), Instant.now(),
                        Map.of("launch.stack_boots", CheckOutcome.passed("launch.stack_boots", "стенд работает")), Map.of(),
                        Map.of()).write(r.facts());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return ok(sheet(1, false, Map.of()), 300.0, 800.0, 70);
        }
    }

    static final class Replaying implements SubmissionGrader {
        final List<GradeRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public GradingOutcome grade(GradeRequest r) {
            requests.add(r);
            return ok(sheet(0.5, false, Map.of()), 300.0, 800.0, 1);
        }
    }

    @Test
    void eachDistinctStackIsMeasuredOnceAndCachedForAResumedBatch(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        submission(subs, "a-ivanov", "Иванов", "ПИ-21");
        Path petrova = submission(subs, "b-petrova", "Петрова", "ПИ-21");
        Files.writeString(petrova.resolve(".env"), "LAB_STUDENT_ID=17\n"); // a variant, not another stack
        Path sidorov = submission(subs, "c-sidorov", "Сидоров", "ПИ-22");
        Files.createDirectories(sidorov.resolve("nginx"));
        Files.writeString(sidorov.resolve("nginx/default.conf"), "upstream web { server web:8000; }\n");
        Path out = tmp.resolve("out");

        Measuring measuring = new Measuring();
        Replaying replaying = new Replaying();
        StringWriter console = new StringWriter();
        batch(subs, out, measuring, replaying, console, false);

        assertThat(measuring.requests).extracting(GradeRequest::folder).containsExactly("a-ivanov", "c-sidorov");
        assertThat(replaying.requests).extracting(GradeRequest::folder).containsExactly("b-petrova");
        assertThat(replaying.requests.get(0).facts()).isEqualTo(measuring.requests.get(0).facts());
        assertThat(measuring.requests.get(0).facts()).isNotEqualTo(measuring.requests.get(1).facts());
        assertThat(measuring.requests.get(0).facts().getFileName().toString())
                .isEqualTo(StackHash.of(subs.resolve("a-ivanov")) + ".json");
        assertThat(console.toString()).contains("Различных стендов: 2");

        Measuring again = new Measuring();
        Replaying replayingAgain = new Replaying();
        batch(subs, out, again, replayingAgain, new StringWriter(), true);
        assertThat(again.requests).as("facts are cached in the out dir").isEmpty();
        assertThat(replayingAgain.requests).hasSize(3);
    }

    @Test
    void aChangedRubricMeasuresAgain(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        Path repo = submission(subs, "a-ivanov", "Иванов", "ПИ-21");
        Path facts = tmp.resolve("facts.json");
        StackFacts.measured(repo, RUBRIC_FILE, Instant.now(), Map.of(), Map.of(), Map.of()).write(facts);
        assertThat(StackFacts.readFor(facts, repo, RUBRIC_FILE)).isPresent();
        Path otherRubric = tmp.resolve("rubric.yaml");
        Files.writeString(otherRubric, Files.readString(RUBRIC_FILE).replace("max_error_share: 0.01", "max_error_share: 0.05"));
        assertThat(Files.readString(otherRubric)).isNotEqualTo(Files.readString(RUBRIC_FILE));
        assertThat(StackFacts.readFor(facts, repo, otherRubric)).isEmpty();
    }

    @Test
    void theStackHashIgnoresTheReportAndEnvButNotTheStackFiles(@TempDir Path tmp) throws Exception {
        Path repo = submission(tmp, "s", "Иванов", "ПИ-21");
        String before = StackHash.of(repo);
        Files.writeString(repo.resolve("report/REPORT.md"), "другой отчёт");
        Files.writeString(repo.resolve(".env"), "LAB_STUDENT_ID=3\n");
        assertThat(StackHash.of(repo)).isEqualTo(before);
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  web:\n    image: y\n");
        assertThat(StackHash.of(repo)).isNotEqualTo(before);
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\r\n  web:\r\n    image: x\r\n");
        assertThat(StackHash.of(repo)).as("a Windows checkout is the same stack").isEqualTo(before);
    }

    private static void batch(Path subs, Path out, SubmissionGrader measuring, SubmissionGrader replaying, StringWriter console,
                              boolean force) throws Exception {
        new BatchRunner(new BatchRunner.Settings(subs, out, RUBRIC_FILE, RUBRIC, Map.of(), Duration.ofSeconds(30), null, force),
                measuring, replaying, () -> true, new PrintWriter(console)).run();
    }
}
