package ru.mpgu.lab.report;

/**
 * Something wrong or doubtful in the student's report.
 *
 * @param lineNumber 1-based line in REPORT.md; 0 means the whole file (missing file, missing section)
 * @param message    Russian, says what to fix
 */
public record ReportProblem(int lineNumber, String message) {
    @Override
    public String toString() {
        return (lineNumber > 0 ? "строка " + lineNumber : "весь файл") + ": " + message;
    }
}
