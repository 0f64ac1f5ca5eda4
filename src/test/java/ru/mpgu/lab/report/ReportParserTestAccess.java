package ru.mpgu.lab.report;

/** Lets tests in other packages reuse the filled sample report. */
public final class ReportParserTestAccess {
    private ReportParserTestAccess() {
    }

    public static String filledReport() throws Exception {
        return ReportParserTest.filledReport();
    }
}
