package ru.mpgu.lab.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import ru.mpgu.lab.grading.GradingConfig;
import ru.mpgu.lab.grading.GradingResult;
import ru.mpgu.lab.grading.LabGrader;
import ru.mpgu.lab.output.ScoreSheetJson;

/**
 * Grades a submission inside the batch's own JVM. Used only when its stack's facts are already measured: no
 * stack is booted, only the report is read, so there is nothing to time out or kill and a JVM start is saved.
 */
public final class InProcessGrader implements SubmissionGrader {

    private final Function<GradingConfig, GradingResult> engine;

    public InProcessGrader() {
        this(LabGrader::grade);
    }

    InProcessGrader(Function<GradingConfig, GradingResult> engine) {
        this.engine = engine;
    }

    @Override
    public GradingOutcome grade(GradeRequest r) {
        long start = System.nanoTime();
        GradingConfig config = GradingConfig.forRepo(r.repo()).withReportDir(r.reportDir()).withRubric(r.rubric())
                .withOverrides(r.overrides()).withFacts(r.facts()).withRosterVariant(r.rosterVariant()).quietly(true);
        try {
            GradingResult result = engine.apply(config);
            ScoreSheetJson.write(r.reportDir(), result.sheet());
            return new GradingOutcome(result.sheet(), result.measurements(), ChildProcessGrader.readNotices(r), 0, false, "",
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | RuntimeException e) {
            return new GradingOutcome(null, null, null, -1, false, "проверка по замеру стенда не удалась: " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
