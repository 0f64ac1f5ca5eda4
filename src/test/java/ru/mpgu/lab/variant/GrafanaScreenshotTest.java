package ru.mpgu.lab.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;

/** The Grafana screenshot is tied to the stand like the /orders one: the dashboard's «Вариант стенда» panel, read by OCR. */
class GrafanaScreenshotTest {

    private static final StudentVariant IVANOV = StudentVariant.forId("ivanov");
    private static final String SHOT = "screenshots/grafana.png";
    private static final CheckOutcome FILE_OK = CheckOutcome.passed("metrics.screenshot_grafana", "скриншот Grafana приложен.");

    @TempDir
    Path repo;

    private OwnStand.Stand ivanovsStand() throws IOException {
        Files.writeString(repo.resolve(".env"), "LAB_STUDENT_ID=ivanov\n");
        return OwnStand.resolve(repo, null);
    }

    private CheckOutcome withReading(ScreenshotCode.Kind kind, List<String> codes) throws IOException {
        Files.createDirectories(repo.resolve("screenshots"));
        Files.write(repo.resolve(SHOT), new byte[3000]);
        ScreenshotCode.Reader fake = (image, expected) -> {
            assertThat(image).isEqualTo(repo.resolve(SHOT).toAbsolutePath().normalize());
            assertThat(expected).isEqualTo(IVANOV);
            return new ScreenshotCode.Reading(kind, codes, "прочитано: " + codes);
        };
        return OwnStand.grafanaScreenshot(FILE_OK, repo, SHOT, ivanovsStand(), true, fake);
    }

    @Test
    void ownCodeKeepsThePoints() throws IOException {
        CheckOutcome o = withReading(ScreenshotCode.Kind.OWN_CODE, List.of(IVANOV.code()));
        assertThat(o.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(o.details()).anyMatch(d -> d.startsWith("✓"));
    }

    @Test
    void anotherStudentsCodeFails() throws IOException {
        CheckOutcome o = withReading(ScreenshotCode.Kind.OTHER_CODE, List.of("V12-ACDE"));
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("не на вашем стенде").contains("Grafana").contains("«Вариант стенда»");
    }

    @Test
    void noCodeGoesToTheTeacherWithoutPoints() throws IOException {
        CheckOutcome o = withReading(ScreenshotCode.Kind.NO_CODE, List.of());
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.fraction()).isZero();
        assertThat(o.message()).contains(IVANOV.code()).contains("«Вариант стенда»");
    }

    @Test
    void noOcrEngineKeepsThePointsForTheTeacherToConfirm() throws IOException {
        CheckOutcome o = withReading(ScreenshotCode.Kind.NO_ENGINE, List.of());
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.fraction()).isEqualTo(1);
    }

    /** A dashboard-like picture: the variant stat panel on top, a request graph below. */
    static void drawDashboard(Path file, String code) throws IOException {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x11, 0x12, 0x17)); // Grafana's dark theme
        g.fillRect(0, 0, 1280, 720);
        g.setColor(new Color(0x18, 0x1b, 0x1f));
        g.fillRect(10, 10, 1260, 120);
        g.fillRect(10, 140, 1260, 560);
        g.setColor(new Color(0xcc, 0xcc, 0xdc));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.drawString("Variant", 24, 34);
        g.drawString("Requests per second", 24, 164);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        int w = g.getFontMetrics().stringWidth(code);
        g.drawString(code, (1280 - w) / 2, 100);
        g.setColor(new Color(0x73, 0xbf, 0x69));
        g.setStroke(new BasicStroke(2));
        int[] xs = new int[60];
        int[] ys = new int[60];
        for (int i = 0; i < 60; i++) {
            xs[i] = 40 + i * 20;
            ys[i] = 680 - (int) Math.min(440, i * 22.0);
        }
        g.drawPolyline(xs, ys, 60);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void realTesseractReadsTheVariantPanel() throws IOException {
        assumeThat(ScreenshotCode.engineInstalled()).as("tesseract installed").isTrue();
        Path own = repo.resolve("own.png");
        drawDashboard(own, IVANOV.code());
        ScreenshotCode.Reading reading = ScreenshotCode.read(own, IVANOV);
        assertThat(reading.kind()).as(reading.detail()).isEqualTo(ScreenshotCode.Kind.OWN_CODE);

        Path neighbour = repo.resolve("petrov.png");
        StudentVariant petrov = StudentVariant.forId("petrov");
        drawDashboard(neighbour, petrov.code());
        ScreenshotCode.Reading other = ScreenshotCode.read(neighbour, IVANOV);
        assertThat(other.kind()).as(other.detail()).isEqualTo(ScreenshotCode.Kind.OTHER_CODE);
        assertThat(other.codes()).containsExactly(petrov.code());

        Path none = repo.resolve("none.png");
        drawDashboard(none, "no variant");
        assertThat(ScreenshotCode.read(none, IVANOV).kind()).isEqualTo(ScreenshotCode.Kind.NO_CODE);
    }
}
