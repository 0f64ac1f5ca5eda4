package ru.mpgu.lab.output;

import ru.mpgu.lab.scoring.ScoreSheet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report.md, results.json and summary.txt into one directory (the runner uses target/lab-report/). */
public final class ReportWriter {

    public static final String MARKDOWN = "report.md";
    public static final String JSON = "results.json";
    public static final String SUMMARY = "summary.txt";

    /** Paths of the files written. */
    public record Written(Path markdown, Path json, Path summary) {
    }

    private ReportWriter() {
    }

    public static Written writeAll(Path dir, ScoreSheet sheet, RunMetadata meta) throws IOException {
        Files.createDirectories(dir);
        Path md = writeAtomically(dir.resolve(MARKDOWN), MarkdownReport.render(sheet, meta));
        Path json = writeAtomically(dir.resolve(JSON), GradescopeResults.render(sheet, meta));
        Path txt = writeAtomically(dir.resolve(SUMMARY), ConsoleSummary.render(sheet, meta));
        return new Written(md, json, txt);
    }

    /** Temp file in the same directory, then rename: a reader never sees a half-written file. */
    public static Path writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
