package ru.mpgu.lab.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import ru.mpgu.lab.output.MarkdownReport;
import ru.mpgu.lab.output.RunMetadata;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;

/** Fake submissions and a fake grader returning canned results: the batch without Docker. */
final class BatchFixtures {

    static final Path RUBRIC_FILE = Path.of("rubric.yaml").toAbsolutePath();
    static final Rubric RUBRIC = RubricLoader.load(RUBRIC_FILE);

    private BatchFixtures() {
    }

    static Path submission(Path root, String folder, String name, String group) throws Exception {
        Path dir = root.resolve(folder);
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  web:\n    image: x\n");
        Files.createDirectories(dir.resolve("report"));
        Files.writeString(dir.resolve("report/REPORT.md"), "# Отчёт\n\nФИО: " + name + "\nГруппа: " + group + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }

    /** Every check passes with the given fraction (1 = full marks). */
    static ScoreSheet sheet(double fraction, boolean review, Map<String, ru.mpgu.lab.scoring.ScoreOverride> overrides) {
        List<CheckOutcome> o = new ArrayList<>();
        RUBRIC.allChecks().forEach(c -> o.add(fraction >= 1 ? CheckOutcome.passed(c.id(), "Всё в порядке.")
                : review ? CheckOutcome.review(c.id(), fraction, "Посмотрит преподаватель.")
                : CheckOutcome.partial(c.id(), fraction, "Частично.")));
        return Scorer.score(RUBRIC, o, overrides);
    }

    /** A grader that hands back canned results per folder and writes report.md like the real one. */
    static final class FakeGrader implements SubmissionGrader {
        final Map<String, GradingOutcome> canned;
        final AtomicInteger calls = new AtomicInteger();
        final List<GradeRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());

        FakeGrader(Map<String, GradingOutcome> canned) {
            this.canned = canned;
        }

        @Override
        public GradingOutcome grade(GradeRequest r) {
            calls.incrementAndGet();
            requests.add(r);
            GradingOutcome o = canned.get(r.folder());
            try {
                Files.createDirectories(r.reportDir());
                Files.writeString(r.log(), "fake grading of " + r.folder() + "\n");
                if (o != null && o.sheet() != null) {
                    Files.writeString(r.reportDir().resolve("report.md"), MarkdownReport.render(o.sheet(),
                            new RunMetadata(r.repo(), null, null, Map.of(), List.of())));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return o != null ? o : new GradingOutcome(null, null, null, 1, false, "нет результата", Duration.ofSeconds(1));
        }
    }

    static GradingOutcome ok(ScoreSheet sheet, Double rps1, Double rps3, int seconds) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        if (rps1 != null) {
            m.put(BatchRunner.MEASURE_RPS_1, rps1);
        }
        if (rps3 != null) {
            m.put(BatchRunner.MEASURE_RPS_3, rps3);
        }
        return new GradingOutcome(sheet, m, List.of(), 0, false, "", Duration.ofSeconds(seconds));
    }
}
