package ru.mpgu.lab.output;

import java.nio.file.Path;

/** A file worth pointing the student to (service log, chart). {@code title} is Russian. */
public record Attachment(String title, Path path) {
}
