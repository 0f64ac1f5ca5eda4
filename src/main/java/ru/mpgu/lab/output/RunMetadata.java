package ru.mpgu.lab.output;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the grading run shown next to the score.
 *
 * @param phaseTimings Russian phase name → how long it took, in run order
 */
public record RunMetadata(Path repoPath, Instant startedAt, Instant finishedAt, Map<String, Duration> phaseTimings,
                          List<Attachment> attachments) {
    public RunMetadata {
        phaseTimings = phaseTimings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phaseTimings));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Duration elapsed() {
        return startedAt == null || finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }
}
