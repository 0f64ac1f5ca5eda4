package ru.mpgu.lab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenshotAndCompletenessTest {

    static final Rubric RUBRIC = RubricLoader.load(Path.of("rubric.yaml"));
    static final Check ORDERS = RUBRIC.check("launch.screenshot_orders").orElseThrow();

    static void writeImage(Path file, String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt());
            }
        }
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
    }

    @Test
    void realPngAndJpegPass(@TempDir Path repo) throws Exception {
        writeImage(repo.resolve("screenshots/orders.png"), "png", 320, 200);
        writeImage(repo.resolve("screenshots/g.jpg"), "jpg", 320, 200);
        CheckOutcome png = ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("screenshots/orders.png", 14), "страницы /orders");
        assertThat(png.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(png.message()).contains("PNG").contains("320x200");
        CheckOutcome jpg = ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef(".\\screenshots\\g.jpg", 14), "Grafana");
        assertThat(jpg.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(jpg.message()).contains("JPEG");
    }

    @Test
    void badScreenshotsFailWithReason(@TempDir Path repo) throws Exception {
        assertThat(ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("", 14), "страницы /orders").message())
                .contains("не указан путь").contains("строка 14");
        assertThat(ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("screenshots/none.png", 14), "x").message())
                .contains("не найден").contains("git add");
        Files.createDirectories(repo.resolve("s"));
        Files.writeString(repo.resolve("s/fake.png"), "это не картинка, а текст ".repeat(200));
        assertThat(ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("s/fake.png", 1), "x").message()).contains("не картинка");
        writeImage(repo.resolve("s/tiny.png"), "png", 40, 40);
        assertThat(ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("s/tiny.png", 1), "x").status()).isEqualTo(CheckStatus.FAILED);
        byte[] broken = new byte[5000];
        broken[0] = (byte) 0x89;
        broken[1] = 'P';
        broken[2] = 'N';
        broken[3] = 'G';
        Files.write(repo.resolve("s/broken.png"), broken);
        assertThat(ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("s/broken.png", 1), "x").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(ScreenshotInspector.inspect(ORDERS, repo, new ScreenshotRef("../../etc/passwd", 1), "x").message()).contains("не найден");
    }

    @Test
    void completeReportPasses() throws Exception {
        LabReport r = ReportParser.parseText(ReportParserTest.filledReport(), null);
        assertThat(ReportChecks.reportComplete(r).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void emptyTemplateIsMostlyMissing() {
        CheckOutcome o = ReportChecks.reportComplete(ReportParser.parse(Path.of(ReportParser.DEFAULT_PATH)));
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("ФИО").contains("ответ 5").contains("прогон 2: Requests/sec");
        assertThat(o.details()).isNotEmpty();
    }

    @Test
    void partlyFilledReportGetsShare() throws Exception {
        String text = ReportParserTest.filledReport().replace("Группа: ИВТ-21", "Группа: _впишите_");
        CheckOutcome o = ReportChecks.reportComplete(ReportParser.parseText(text, null));
        assertThat(o.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(o.fraction()).isCloseTo(20.0 / 21.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.message()).isEqualTo("В отчёте не заполнено: группа.");
    }
}
