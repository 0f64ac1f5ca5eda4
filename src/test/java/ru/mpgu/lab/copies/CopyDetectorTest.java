package ru.mpgu.lab.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.variant.ScreenshotCode;

class CopyDetectorTest {

    static final Path MODEL = Path.of("src/test/resources/fixtures/model");
    static final Path SHOTS = Path.of("src/test/resources/variant");

    static Path repo(Path root, String name, String report, Path orders, Path grafana) throws Exception {
        Path r = root.resolve(name);
        Files.createDirectories(r.resolve("report"));
        Files.createDirectories(r.resolve("screenshots"));
        Files.writeString(r.resolve("report/REPORT.md"), report, StandardCharsets.UTF_8);
        Files.copy(orders, r.resolve("screenshots/orders.png"));
        Files.copy(grafana, r.resolve("screenshots/grafana.png"));
        return r;
    }

    static String modelReport() throws Exception {
        return Files.readString(MODEL.resolve("report/REPORT.md"), StandardCharsets.UTF_8);
    }

    static List<CopyPair> scan(Path root, String... folders) {
        return CopyDetector.find(CopyDetector.read(root, List.of(folders)));
    }

    @Test
    void sharedScreenshotSharedWrkOutputAndACopiedAnswerAreFound(@TempDir Path root) throws Exception {
        String model = modelReport();
        repo(root, "a", model, MODEL.resolve("screenshots/orders.png"), MODEL.resolve("screenshots/grafana.png"));
        // b: own answers and own first run, but a's /orders picture and a's second wrk run (another port)
        String b = model.replace("684 requests in 20.06s, 4.72MB read", "671 requests in 20.05s, 4.63MB read")
                .replace("Requests/sec:     34.10", "Requests/sec:     33.47")
                .replace("Без нагрузки запросов мало", "Когда нагрузки нет, сервер свободен")
                .replace("При росте числа запросов сервер перестаёт успевать", "Сервер не справляется")
                .replace("График перестаёт расти, потому что", "Рост прекращается:")
                .replace("Запросов в секунду стало больше", "Пропускная способность выросла")
                .replace("Потому что база данных PostgreSQL остаётся одна", "Единственная база данных остаётся одна")
                .replace("http://localhost:8000/orders\n  2 threads and 30 connections\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\n    Latency   454",
                        "http://127.0.0.1:8080/orders\n  2 threads and 30 connections\n  Thread Stats   Avg      Stdev     Max   +/- Stdev\n    Latency   454");
        assertThat(b).as("b's own first run and a's second run on another port").contains("4.63MB read", "127.0.0.1:8080/orders\n");
        repo(root, "b", b, MODEL.resolve("screenshots/orders.png"), SHOTS.resolve("unrelated.png"));
        List<CopyPair> pairs = scan(root, "a", "b");
        assertThat(pairs).extracting(CopyPair::what)
                .contains(CopyPair.Kind.SCREENSHOT, CopyPair.Kind.WRK_OUTPUT, CopyPair.Kind.ANSWER);
        assertThat(pairs.stream().filter(p -> p.what() == CopyPair.Kind.SCREENSHOT))
                .singleElement().satisfies(p -> assertThat(p.left()).isEqualTo("a/screenshots/orders.png"));
        assertThat(pairs.stream().filter(p -> p.what() == CopyPair.Kind.WRK_OUTPUT))
                .singleElement().satisfies(p -> assertThat(p.detail()).contains("прогон 2 / прогон 2"));
        // answers 1..5 were changed in their first words only: 2-5 are still 80 % the same 3-grams? Only the long untouched ones count
        assertThat(pairs.stream().filter(p -> p.what() == CopyPair.Kind.ANSWER)).allSatisfy(p -> assertThat(p.similarity()).isGreaterThanOrEqualTo(0.8));
    }

    @Test
    void differentWorkIsNotFlagged(@TempDir Path root) throws Exception {
        repo(root, "a", modelReport(), MODEL.resolve("screenshots/orders.png"), MODEL.resolve("screenshots/grafana.png"));
        repo(root, "c", "ФИО: Петров Пётр\n\n## Ответ 1\n\nСервер свободен, очереди нет, база отвечает сразу, процессор почти не занят, так что задержка мала.\n",
                SHOTS.resolve("orders-ivanov.png"), SHOTS.resolve("unrelated.png"));
        assertThat(scan(root, "a", "c")).isEmpty();
    }

    @Test
    void aRescaledRecompressedCopyIsStillNear(@TempDir Path tmp) throws Exception {
        BufferedImage src = ImageIO.read(MODEL.resolve("screenshots/grafana.png").toFile());
        BufferedImage smaller = new BufferedImage(src.getWidth() * 3 / 4, src.getHeight() * 3 / 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        // as an image editor or a messenger rescales: smoothed, not nearest-neighbour (which drops thin chart lines)
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, smaller.getWidth(), smaller.getHeight(), null);
        g.dispose();
        Path jpg = tmp.resolve("copy.jpg");
        ImageIO.write(smaller, "jpg", jpg.toFile());
        long a = ImageHash.dHash(MODEL.resolve("screenshots/grafana.png"));
        assertThat(ImageHash.distance(a, ImageHash.dHash(jpg))).as("rescaled copy").isLessThanOrEqualTo(CopyDetector.MAX_IMAGE_BITS);
        assertThat(ImageHash.distance(a, ImageHash.dHash(SHOTS.resolve("unrelated.png")))).isGreaterThan(CopyDetector.MAX_IMAGE_BITS * 2);
    }

    @Test
    void twoHonestOrdersScreenshotsFromOneBrowserAreToldApartByTheirCodes(@TempDir Path root) throws Exception {
        assumeThat(ScreenshotCode.engineInstalled()).as("tesseract installed").isTrue();
        repo(root, "ivanov", "ФИО: Иванов\n\nСкриншот /orders: screenshots/orders.png\n", SHOTS.resolve("orders-ivanov.png"), SHOTS.resolve("unrelated.png"));
        repo(root, "petrov", "ФИО: Петров\n\nСкриншот /orders: screenshots/orders.png\n", SHOTS.resolve("orders-petrov.png"), MODEL.resolve("screenshots/grafana.png"));
        long d = ImageHash.distance(ImageHash.dHash(SHOTS.resolve("orders-ivanov.png")), ImageHash.dHash(SHOTS.resolve("orders-petrov.png")));
        assertThat(d).as("the pages look alike").isLessThanOrEqualTo(CopyDetector.MAX_IMAGE_BITS);
        assertThat(scan(root, "ivanov", "petrov")).isEmpty();
    }

    @Test
    void wrkFiguresIgnoreTheUrlAndSpacing() {
        String a = "Running 20s test @ http://localhost:8000/orders\n  2 threads and 30 connections\n  1928 requests in 20.03s, 9.99MB read\nRequests/sec:     96.24\n";
        String b = "$ wrk ...\nRunning 20s test @ http://127.0.0.1:8080/orders\n2 threads and 30 connections\n1928 requests in 20.03s, 9.99MB read\nRequests/sec: 96.24";
        assertThat(CopyDetector.figures(a.replace("$ wrk ...\n", ""))).isEqualTo(CopyDetector.figures(b.replace("$ wrk ...\n", "")));
    }
}
