package ru.mpgu.lab.report;

/**
 * The report's evidence that the database is the limit at three web replicas: pasted `docker stats` lines
 * and/or a screenshot of the dashboard's database panel.
 *
 * @param statsText  the pasted `docker stats` lines, empty when none
 * @param statsLine  first report line of them (0 if absent)
 * @param screenshot path of the database panel screenshot, empty when none
 * @param headingLine line of the section heading (0 if the section is absent)
 */
public record DatabaseEvidence(String statsText, int statsLine, ScreenshotRef screenshot, int headingLine) {

    public static final DatabaseEvidence ABSENT = new DatabaseEvidence("", 0, new ScreenshotRef("", 0), 0);

    public boolean hasStats() {
        return !statsText.isBlank();
    }

    public boolean hasScreenshot() {
        return !screenshot.path().isBlank();
    }
}
