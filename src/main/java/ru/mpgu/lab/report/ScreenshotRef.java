package ru.mpgu.lab.report;

/** A screenshot path written in the report, as the student wrote it, and its line. */
public record ScreenshotRef(String path, int line) {
}
