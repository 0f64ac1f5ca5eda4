package ru.mpgu.lab.report;

import ru.mpgu.lab.policy.SubmissionFiles;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that a screenshot named in the report exists and is a real PNG or JPEG picture. */
public final class ScreenshotInspector {

    /** Smaller than this is an icon or an empty picture, not a screenshot of a page. */
    static final int MIN_SIDE = 100;

    private ScreenshotInspector() {
    }

    /**
     * @param check    the rubric check (reads params {@code min_bytes}, {@code max_bytes})
     * @param repoRoot the student's repository; paths are tried relative to it and to report/
     * @param what     Russian name, e.g. «страницы /orders»
     */
    public static CheckOutcome inspect(Check check, Path repoRoot, ScreenshotRef ref, String what) {
        String id = check.id();
        long minBytes = (long) check.doubleParam("min_bytes", 2000);
        long maxBytes = (long) check.doubleParam("max_bytes", 10_000_000);
        String where = ref.line() > 0 ? " (строка " + ref.line() + " отчёта)" : "";
        if (ref.path().isBlank()) {
            return CheckOutcome.failed(id, "В отчёте не указан путь к скриншоту " + what + where + ".");
        }
        Path file = resolve(repoRoot, ref.path());
        SubmissionFiles.Access access = file == null ? null : SubmissionFiles.resolve(repoRoot, file);
        if (access != null && !access.allowed()) {
            return CheckOutcome.failed(id, "Скриншот " + what + where + " не открыт: " + access.refusal());
        }
        if (file == null) {
            return CheckOutcome.failed(id, "Файл скриншота «" + ref.path() + "»" + where + " не найден в репозитории. "
                    + "Проверьте, что файл лежит по этому пути и добавлен в git (git add).");
        }
        try {
            long size = Files.size(file);
            String kind = format(file);
            if (kind == null) {
                return CheckOutcome.failed(id, "Файл «" + ref.path() + "» - не картинка PNG или JPEG. Сохраните скриншот в формате PNG или JPEG.");
            }
            if (size < minBytes) {
                return CheckOutcome.failed(id, "Файл «" + ref.path() + "» слишком маленький (" + size + " байт) - похоже, это не скриншот.");
            }
            if (size > maxBytes) {
                return CheckOutcome.failed(id, "Файл «" + ref.path() + "» слишком большой (" + size / 1_000_000 + " МБ). Уменьшите скриншот.");
            }
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                return CheckOutcome.failed(id, "Файл «" + ref.path() + "» повреждён: картинку не удалось открыть. Сделайте скриншот заново.");
            }
            if (img.getWidth() < MIN_SIDE || img.getHeight() < MIN_SIDE) {
                return CheckOutcome.failed(id, "Картинка «" + ref.path() + "» слишком маленькая (" + img.getWidth() + "x" + img.getHeight()
                        + "). Нужен скриншот окна целиком.");
            }
            return CheckOutcome.passed(id, "Скриншот " + what + " приложен: " + ref.path() + " (" + kind + ", "
                    + img.getWidth() + "x" + img.getHeight() + ").");
        } catch (IOException e) {
            return CheckOutcome.failed(id, "Не удалось прочитать файл «" + ref.path() + "»: " + e.getMessage());
        }
    }

    /**
     * A screenshot path as written in the report, tried relative to the repository root, then to report/; null when
     * blank, outside the repository or not a file. The one resolution for the checks, the variant code and the batch.
     */
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

    /** "PNG", "JPEG" by magic bytes, or null. The extension is not trusted. */
    static String format(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 8);
        }
        if (n >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "PNG";
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "JPEG";
        }
        return null;
    }
}
