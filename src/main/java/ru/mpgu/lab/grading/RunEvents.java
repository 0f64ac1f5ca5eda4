package ru.mpgu.lab.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * How a grading run talks to {@link LabReportListener}: JUnit report entries (one key per entry), published
 * on the test's context for outcomes and on the root context for everything else. Failsafe also writes them
 * into its XML reports, so a check's verdict is visible there too.
 */
final class RunEvents {

    static final String OUTCOME = "lab.outcome";
    static final String MEASUREMENT = "lab.measurement.";
    static final String NOTICE = "lab.notice";
    static final String ATTACHMENT = "lab.attachment.";
    static final String PHASE_MILLIS = "lab.phase-ms.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunEvents() {
    }

    static Map<String, String> outcome(CheckOutcome outcome) {
        try {
            return Map.of(OUTCOME, JSON.writeValueAsString(outcome));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CheckOutcome is always serializable", e);
        }
    }

    static Optional<CheckOutcome> outcome(Map<String, String> entry) {
        String json = entry.get(OUTCOME);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, CheckOutcome.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an outcome: " + json, e);
        }
    }

    static Map<String, String> measurement(String name, double value) {
        return Map.of(MEASUREMENT + name, Double.toString(value));
    }

    static Map<String, String> notice(String text) {
        return Map.of(NOTICE, text);
    }

    static Map<String, String> attachment(String name, String content) {
        return Map.of(ATTACHMENT + name, content);
    }

    static Map<String, String> phase(String name, Duration duration) {
        return Map.of(PHASE_MILLIS + name, Long.toString(duration.toMillis()));
    }
}
