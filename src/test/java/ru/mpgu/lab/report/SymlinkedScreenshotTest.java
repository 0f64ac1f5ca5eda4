package ru.mpgu.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;

/** A screenshot that is a link to a picture outside the repository is not opened (issue 13). */
class SymlinkedScreenshotTest {

    @TempDir
    Path dir;

    @Test
    void aSymlinkedScreenshotIsRefused() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/screenshots"));
        Path outside = Files.createDirectories(dir.resolve("outside")).resolve("teacher.png");
        ScreenshotAndCompletenessTest.writeImage(outside, "png", 800, 600);
        Files.createSymbolicLink(repo.resolve("orders.png"), outside);
        CheckOutcome o = ScreenshotInspector.inspect(ScreenshotAndCompletenessTest.ORDERS, repo.getParent(),
                new ScreenshotRef("screenshots/orders.png", 3), "страницы /orders");
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("не открыт", "символическая ссылка");
    }

    @Test
    void theSamePictureInsideIsAccepted() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/screenshots"));
        ScreenshotAndCompletenessTest.writeImage(repo.resolve("orders.png"), "png", 800, 600);
        CheckOutcome o = ScreenshotInspector.inspect(ScreenshotAndCompletenessTest.ORDERS, repo.getParent(),
                new ScreenshotRef("screenshots/orders.png", 3), "страницы /orders");
        assertThat(o.status()).as(o.message()).isEqualTo(CheckStatus.PASSED);
    }
}
