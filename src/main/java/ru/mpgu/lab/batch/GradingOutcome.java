package ru.mpgu.lab.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * What one grading gave back to the batch.
 *
 * @param sheet    the score sheet, or null when the grading produced none
 * @param exitCode the child's exit code (-1 when it was killed)
 * @param error    Russian explanation when something went wrong, else empty
 */
public record GradingOutcome(ScoreSheet sheet, Map<String, Double> measurements, List<String> notices, int exitCode,
                             boolean timedOut, String error, Duration elapsed) {
    public GradingOutcome {
        measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
        notices = notices == null ? List.of() : List.copyOf(notices);
        error = error == null ? "" : error;
    }

    public boolean infrastructureFailure() {
        return timedOut || exitCode != 0 || sheet == null || sheet.infraFailure();
    }
}
