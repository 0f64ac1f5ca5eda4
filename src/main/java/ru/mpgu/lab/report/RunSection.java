package ru.mpgu.lab.report;

/**
 * One wrk run in the report, one of {@link ReportRun}.
 *
 * @param wrkOutput     pasted wrk output, empty when missing
 * @param wrkOutputLine first line of the pasted output (0 if absent)
 * @param headingLine   line of the section heading (0 if the section is absent)
 */
public record RunSection(String wrkOutput, int wrkOutputLine, FilledNumbers numbers, int headingLine) {

    public static final RunSection ABSENT = new RunSection("", 0, FilledNumbers.NONE, 0);

    public boolean hasWrkOutput() {
        return !wrkOutput.isBlank();
    }
}
