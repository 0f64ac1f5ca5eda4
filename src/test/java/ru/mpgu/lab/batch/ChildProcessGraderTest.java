package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.output.ScoreSheetJson;

class ChildProcessGraderTest {

    static GradeRequest request(Path tmp, Duration budget) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        return new GradeRequest("s", repo, tmp.resolve("out/report"), Path.of("rubric.yaml"), null, budget, tmp.resolve("out/grading.log"));
    }

    @Test
    void sleepingChildAndItsChildrenAreKilledWithinBudget(@TempDir Path tmp) throws Exception {
        AtomicInteger cleanups = new AtomicInteger();
        Path pidFile = tmp.resolve("grandchild.pid");
        ChildProcessGrader grader = new ChildProcessGrader(
                r -> List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), Map.of(), cleanups::incrementAndGet);
        long start = System.nanoTime();
        GradingOutcome o = grader.grade(request(tmp, Duration.ofMillis(1500)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(o.timedOut()).isTrue();
        assertThat(o.infrastructureFailure()).isTrue();
        assertThat(o.error()).contains("не уложилась");
        assertThat(cleanups).as("stale stacks are removed after a kill").hasValue(1);
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        Thread.sleep(200);
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false)).as("grandchild killed").isFalse();
    }

    @Test
    void childExitingWithOneIsAnInfrastructureRow(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        BatchFixtures.submission(subs, "student", "Иванов И", "1");
        AtomicInteger cleanups = new AtomicInteger();
        ChildProcessGrader grader = new ChildProcessGrader(r -> List.of("sh", "-c", "echo boom; exit 1"), Map.of(),
                cleanups::incrementAndGet);
        BatchRunner.Summary s = new BatchRunner(new BatchRunner.Settings(subs, tmp.resolve("out"), BatchFixtures.RUBRIC_FILE,
                BatchFixtures.RUBRIC, Map.of(), Duration.ofSeconds(20), null, false), grader, () -> true,
                new PrintWriter(new StringWriter())).run();
        GradebookRow row = s.rows().get(0);
        assertThat(row.flags()).contains(Flags.INFRASTRUCTURE).doesNotContain(Flags.TIMEOUT);
        assertThat(row.total()).isNull();
        assertThat(row.notes()).anyMatch(n -> n.contains("кодом 1"));
        assertThat(Files.readString(tmp.resolve("out/student/grading.log"))).contains("boom");
        assertThat(cleanups).hasValue(1);
    }

    @Test
    void childResultsAreReadBack(@TempDir Path tmp) throws Exception {
        GradeRequest r = request(tmp, Duration.ofSeconds(20));
        Files.createDirectories(r.reportDir());
        ScoreSheetJson.write(r.reportDir(), BatchFixtures.sheet(1, false, Map.of()));
        Files.writeString(r.reportDir().resolve("measurements.json"),
                "{\"measurements\":{\"rps_1_replica\":410.5,\"rps_3_replicas\":1020},\"notices\":[\"внимание\"]}");
        ChildProcessGrader grader = new ChildProcessGrader(x -> List.of("sh", "-c", "exit 0"), Map.of("X", "1"), () -> { });
        GradingOutcome o = grader.grade(r);
        assertThat(o.infrastructureFailure()).isFalse();
        assertThat(o.sheet().total()).isEqualTo(10.0);
        assertThat(o.measurements()).containsEntry("rps_1_replica", 410.5).containsEntry("rps_3_replicas", 1020.0);
        assertThat(o.notices()).containsExactly("внимание");
    }

    @Test
    void realChildCommandUsesThisClasspathAndTheTeachersRubric(@TempDir Path tmp) throws Exception {
        GradeRequest r = new GradeRequest("s", tmp, tmp.resolve("o"), Path.of("/teacher/rubric.yaml"), tmp.resolve("ov.yaml"),
                Duration.ofSeconds(1), tmp.resolve("log"));
        List<String> cmd = ChildProcessGrader.javaCommand(r);
        assertThat(cmd.get(0)).endsWith("/bin/java");
        assertThat(cmd).containsSubsequence("-cp", System.getProperty("java.class.path"), "ru.mpgu.lab.cli.LabCli", "grade")
                .containsSubsequence("--rubric", "/teacher/rubric.yaml").containsSubsequence("--overrides", tmp.resolve("ov.yaml").toString());
        assertThat(cmd).doesNotContain("--roster-variant");
        GradeRequest listed = new GradeRequest("s", tmp, tmp.resolve("o"), Path.of("/teacher/rubric.yaml"), null,
                Duration.ofSeconds(1), tmp.resolve("log"), null, "V37-V3NC");
        assertThat(ChildProcessGrader.javaCommand(listed)).containsSubsequence("--roster-variant", "V37-V3NC");
        assertThat(ChildProcessGrader.CHILD_ENV).containsEntry("TESTCONTAINERS_RYUK_DISABLED", "true")
                .containsEntry("TESTCONTAINERS_CHECKS_DISABLE", "true").containsEntry("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    }
}
