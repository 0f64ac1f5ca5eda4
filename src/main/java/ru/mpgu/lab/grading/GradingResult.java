package ru.mpgu.lab.grading;

import java.nio.file.Path;
import java.util.Map;
import ru.mpgu.lab.scoring.ScoreSheet;

/** What one grading produced: the score sheet, the grader's own measurements, and where the reports are. */
public record GradingResult(Path repo, ScoreSheet sheet, Map<String, Double> measurements, Path reportDir,
                            String consoleSummary) {
}
