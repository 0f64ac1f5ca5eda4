package ru.mpgu.lab.variant;

import java.nio.file.Files;
import java.nio.file.Path;

/** A screenshot path as written in the report, resolved like ScreenshotInspector does (repo root, then report/). */
public final class ScreenshotFiles {

    private ScreenshotFiles() {
    }

    public static Path resolve(Path root, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String p = written.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        for (Path candidate : new Path[]{root.resolve(p), root.resolve("report").resolve(p)}) {
            Path n = candidate.normalize();
            if (n.startsWith(root.normalize()) && Files.isRegularFile(n)) {
                return n;
            }
        }
        return null;
    }
}
