package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC_FILE;
import static ru.mpgu.lab.batch.BatchFixtures.ok;
import static ru.mpgu.lab.batch.BatchFixtures.sheet;
import static ru.mpgu.lab.batch.BatchFixtures.submission;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * The batch grades submissions against measured facts on a pool while it measures the next stack: stacks one at a
 * time, rows in folder order, the pool's size respected, one grading's crash only its own row, no thread left over.
 */
class BatchPipelineTest {

    /** Stands in for the child JVM: measures (writes facts), counts how many measurements overlap. */
    static final class Measurer implements SubmissionGrader {
        final List<String> folders = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        Consumer<GradeRequest> during = r -> { };

        @Override
        public GradingOutcome grade(GradeRequest r) {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                folders.add(r.folder());
                during.accept(r);
                pause(30);
                StackFacts.measured(r.repo(), r.rubric(), Instant.now(),
                        Map.of("launch.stack_boots", CheckOutcome.passed("launch.stack_boots", "стенд работает")), Map.of(),
                        Map.of()).write(r.facts());
                return ok(sheet(1, false, Map.of()), 300.0, 800.0, 70);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /** Stands in for the in-process grader: counts concurrent gradings; {@code during} runs inside each. */
    static final class Replayer implements SubmissionGrader {
        final List<String> folders = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        Consumer<GradeRequest> during = r -> { };

        @Override
        public GradingOutcome grade(GradeRequest r) {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                folders.add(r.folder());
                during.accept(r);
                return ok(sheet(0.5, false, Map.of()), 300.0, 800.0, 1);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @AfterEach
    void noGraderThreadIsLeft() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (graderThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(graderThreads()).as("pool threads still alive after the batch").isZero();
    }

    @Test
    void gradingStackAsStudentsOverlapsMeasuringStackBAndMeasurementsNeverOverlap(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        // folder order a1 a2 a3 b1 b2 c1: a1 measures A, b1 measures B, c1 measures C
        stack(subs, "a1", "A");
        stack(subs, "b1", "B");
        stack(subs, "a2", "A");
        stack(subs, "b2", "B");
        stack(subs, "c1", "C");
        stack(subs, "a3", "A");
        CountDownLatch measuringB = new CountDownLatch(1);
        CountDownLatch gradedA = new CountDownLatch(2);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Measurer measurer = new Measurer();
        measurer.during = r -> {
            if (r.folder().equals("b1")) {
                measuringB.countDown();
                // A's students are graded meanwhile, not after: B's measurement ends only when they are done
                seen.add("A graded during B: " + await(gradedA));
            }
        };
        Replayer replayer = new Replayer();
        replayer.during = r -> {
            if (r.folder().startsWith("a")) {
                seen.add(r.folder() + " saw B measuring: " + await(measuringB));
                gradedA.countDown();
            }
        };
        StringWriter console = new StringWriter();
        BatchRunner.Summary s = runner(subs, tmp.resolve("out"), measurer, replayer, console, 4).run();

        assertThat(seen).containsExactlyInAnyOrder("a2 saw B measuring: true", "a3 saw B measuring: true",
                "A graded during B: true");
        assertThat(measurer.folders).containsExactly("a1", "b1", "c1");
        assertThat(measurer.maxRunning).as("two stack measurements at once").hasValue(1);
        assertThat(replayer.folders).containsExactlyInAnyOrder("a2", "a3", "b2");
        assertThat(s.rows()).extracting(GradebookRow::folder).containsExactly("a1", "a2", "a3", "b1", "b2", "c1");
        assertThat(console.toString()).contains("] a2: ").contains(", измерен стенд ").contains(", стенд ");
    }

    @Test
    void rowsKeepFolderOrderWhateverOrderGradingsFinishIn(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        List<String> names = List.of("s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09");
        for (String n : names) {
            stack(subs, n, "same");
        }
        Replayer replayer = new Replayer();
        // later folders finish first
        replayer.during = r -> pause(20L * (10 - Integer.parseInt(r.folder().substring(1))));
        Path out = tmp.resolve("out");
        BatchRunner.Summary s = runner(subs, out, new Measurer(), replayer, new StringWriter(), 4).run();

        assertThat(s.rows()).extracting(GradebookRow::folder).containsExactlyElementsOf(names);
        List<String> csv = Files.readAllLines(out.resolve(GradebookCsv.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(csv.subList(1, csv.size())).extracting(l -> l.split(";", 2)[0].replace("\"", "")).containsExactlyElementsOf(names);
        String html = Files.readString(out.resolve(BatchHtml.FILE_NAME), StandardCharsets.UTF_8);
        List<Integer> positions = names.stream().map(n -> html.indexOf(">" + n + "<")).toList();
        assertThat(positions).allMatch(p -> p > 0).isSorted();

        // resumed: everything done is skipped, nothing graded again
        Measurer again = new Measurer();
        Replayer replayAgain = new Replayer();
        BatchRunner.Summary resumed = runner(subs, out, again, replayAgain, new StringWriter(), 4).run();
        assertThat(resumed.skipped()).isEqualTo(names.size());
        assertThat(again.folders).isEmpty();
        assertThat(replayAgain.folders).isEmpty();
        assertThat(resumed.rows()).extracting(GradebookRow::folder).containsExactlyElementsOf(names);
    }

    @Test
    void thePoolNeverRunsMoreThanJobsAtOnce(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        for (int i = 1; i <= 10; i++) {
            stack(subs, String.format("s%02d", i), "same");
        }
        for (int jobs : new int[]{1, 3}) {
            Replayer replayer = new Replayer();
            // each grading waits (up to 3 s) until `jobs` run at once: the pool's bound is reached, and not passed
            replayer.during = r -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (replayer.running.get() < jobs && System.nanoTime() < until) {
                    pause(5);
                }
                pause(20);
            };
            runner(subs, tmp.resolve("out" + jobs), new Measurer(), replayer, new StringWriter(), jobs).run();
            assertThat(replayer.folders).hasSize(9);
            assertThat(replayer.maxRunning).as("--jobs %d", jobs).hasValue(jobs);
        }
    }

    @Test
    void aGradingThatThrowsCostsOnlyItsOwnRow(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        for (String n : List.of("s1", "s2", "s3", "s4")) {
            stack(subs, n, "same");
        }
        Replayer replayer = new Replayer();
        replayer.during = r -> {
            if (r.folder().equals("s3")) {
                throw new IllegalStateException("сломался разбор отчёта");
            }
        };
        Path out = tmp.resolve("out");
        BatchRunner.Summary s = runner(subs, out, new Measurer(), replayer, new StringWriter(), 2).run();

        assertThat(s.aborted()).isFalse();
        assertThat(s.rows()).extracting(GradebookRow::folder).containsExactly("s1", "s2", "s3", "s4");
        GradebookRow broken = s.rows().get(2);
        assertThat(broken.flags()).contains(Flags.INFRASTRUCTURE);
        assertThat(String.join(" ", broken.notes())).contains("IllegalStateException").contains("сломался разбор отчёта");
        assertThat(s.rows().get(3).total()).isEqualTo(sheet(0.5, false, Map.of()).total());
        assertThat(DoneMarker.read(out.resolve("s3"))).as("graded again next time").isEmpty();
        assertThat(DoneMarker.read(out.resolve("s4"))).isPresent();
    }

    @Test
    void jobsBelowOneAreRefused() {
        BatchRunner r = new BatchRunner(null, new Replayer(), () -> true, new PrintWriter(new StringWriter()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.withJobs(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A submission whose stack files are those of stack {@code stack}. */
    private static void stack(Path subs, String folder, String stack) throws Exception {
        Path dir = submission(subs, folder, folder, "ПИ-21");
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  web:\n    image: " + stack + "\n");
    }

    private static BatchRunner runner(Path subs, Path out, SubmissionGrader measurer, SubmissionGrader replayer,
                                      StringWriter console, int jobs) {
        return new BatchRunner(new BatchRunner.Settings(subs, out, RUBRIC_FILE, RUBRIC, Map.of(), Duration.ofSeconds(30), null,
                false), measurer, replayer, () -> true, new PrintWriter(console)).withJobs(jobs);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long graderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(BatchRunner.THREAD_PREFIX)).count();
    }
}
