package ru.mpgu.lab.report;

/**
 * Numbers the student copied from one wrk run into the report. A null value means missing or unreadable.
 *
 * @param latencyText   as written, e.g. «12,5 мс»
 * @param latencyMillis parsed, in milliseconds
 * @param errors        total error count
 * @param line          line of each value (0 if the line is absent)
 */
public record FilledNumbers(String latencyText, Double latencyMillis, Integer errors, Double requestsPerSec,
                            int latencyLine, int errorsLine, int rpsLine) {

    public static final FilledNumbers NONE = new FilledNumbers(null, null, null, null, 0, 0, 0);

    public boolean complete() {
        return latencyMillis != null && errors != null && requestsPerSec != null;
    }
}
