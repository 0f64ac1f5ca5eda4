package ru.mpgu.lab.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.batch.GradeRequest;
import ru.mpgu.lab.batch.GradingOutcome;
import ru.mpgu.lab.batch.InProcessGrader;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * The batch's pool runs the real in-process grading (JUnit launcher, GradingExtension, LabRun, report parsing,
 * answer grading) on several submissions at once: each launcher keeps its run in its own root store, so concurrent
 * gradings must score exactly as one at a time.
 */
class ConcurrentReplayTest {

    @TempDir
    Path work;

    @Test
    void gradingsAtOnceScoreLikeGradingsOneAtATime() throws Exception {
        List<String> fixtures = List.of("model", "partial", "fabricated");
        Map<String, Path> repos = new LinkedHashMap<>();
        Map<String, Path> facts = new LinkedHashMap<>();
        for (String f : fixtures) {
            Path repo = Fixtures.submission(f, work.resolve("subs-" + f));
            repos.put(f, repo);
            Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
            FactsReplayTest.LIVE.forEach(id -> outcomes.put(id, CheckOutcome.passed(id, "на стенде: выполнено")));
            facts.put(f, StackFacts.measured(repo, FactsReplayTest.RUBRIC, Instant.now(), outcomes,
                    Map.of("rps_1_replica", 250.0, "rps_3_replicas", 600.0), Map.of()).write(work.resolve(f + "-facts.json")));
        }
        InProcessGrader grader = new InProcessGrader();
        Map<String, String> serial = new LinkedHashMap<>();
        for (String f : fixtures) {
            serial.put(f, fingerprint(grader.grade(request(f, "serial", repos.get(f), facts.get(f)))));
        }
        assertThat(serial.get("model")).startsWith("10.0|");

        int copies = 3;
        ExecutorService pool = Executors.newFixedThreadPool(fixtures.size() * copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> running = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                for (String f : fixtures) {
                    String tag = "at-once-" + c;
                    expected.add(serial.get(f));
                    running.add(pool.submit(() -> {
                        start.await();
                        return fingerprint(grader.grade(request(f, tag, repos.get(f), facts.get(f))));
                    }));
                }
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> r : running) {
                got.add(r.get(3, TimeUnit.MINUTES));
            }
            assertThat(got).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private GradeRequest request(String fixture, String tag, Path repo, Path facts) {
        Path out = work.resolve("out-" + tag).resolve(fixture);
        return new GradeRequest(fixture, repo, out.resolve("report"), FactsReplayTest.RUBRIC, null, Duration.ofMinutes(3),
                out.resolve("grading.log"), facts);
    }

    /** Total and every check's status, points and message: what the gradebook and the student's report show. */
    private static String fingerprint(GradingOutcome o) {
        assertThat(o.error()).isEmpty();
        StringBuilder sb = new StringBuilder(String.valueOf(o.sheet().total()));
        o.sheet().allChecks().forEach(l -> sb.append('|').append(l.checkId()).append('=').append(l.status()).append(':')
                .append(l.earned()).append(':').append(l.message()));
        return sb.toString();
    }
}
