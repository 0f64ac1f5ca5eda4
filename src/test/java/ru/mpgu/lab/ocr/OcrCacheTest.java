package ru.mpgu.lab.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCR cache: one reading per picture content and settings, kept across batches, never a crash on a bad file. */
class OcrCacheTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void theSamePictureIsReadOnceWhateverItsNameAndADifferentOneAgain(@TempDir Path tmp) throws Exception {
        Path a = write(tmp.resolve("s001/report/orders.png"), "V37-V3NC");
        Path copy = write(tmp.resolve("s002/report/screenshots/mine.png"), "V37-V3NC");
        Path other = write(tmp.resolve("s003/report/orders.png"), "V12-ABCD");
        CountingOcr ocr = new CountingOcr("tesseract 5.3.0; -l eng");
        OcrCache cache = OcrCache.open(tmp.resolve("out").resolve(OcrCache.FILE_NAME), ocr, warnings::add);

        assertThat(cache.text(a)).isEqualTo("V37-V3NC");
        assertThat(cache.text(copy)).isEqualTo("V37-V3NC");
        assertThat(cache.text(a)).isEqualTo("V37-V3NC");
        assertThat(ocr.calls).as("one picture, three readings asked").hasValue(1);
        assertThat(cache.text(other)).isEqualTo("V12-ABCD");
        assertThat(ocr.calls).hasValue(2);
        Files.writeString(a, "V99-ZZZZ"); // same name, new content: not the old answer
        assertThat(cache.text(a)).isEqualTo("V99-ZZZZ");
        assertThat(ocr.calls).hasValue(3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aResumedBatchReadsNothingTwiceButOtherSettingsReadAgain(@TempDir Path tmp) throws Exception {
        Path shot = write(tmp.resolve("orders.png"), "V37-V3NC");
        Path file = tmp.resolve("out").resolve(OcrCache.FILE_NAME);
        CountingOcr first = new CountingOcr("tesseract 5.3.0; -l eng");
        OcrCache.open(file, first, warnings::add).text(shot);
        assertThat(first.calls).hasValue(1);
        assertThat(file).isRegularFile();

        CountingOcr resumed = new CountingOcr("tesseract 5.3.0; -l eng");
        assertThat(OcrCache.open(file, resumed, warnings::add).text(shot)).isEqualTo("V37-V3NC");
        assertThat(resumed.calls).as("read from the file").hasValue(0);

        CountingOcr otherVersion = new CountingOcr("tesseract 4.1.1; -l eng");
        OcrCache.open(file, otherVersion, warnings::add).text(shot);
        assertThat(otherVersion.calls).as("another engine version may read differently").hasValue(1);
        assertThat(OcrCache.open(file, new CountingOcr("x"), warnings::add).size()).as("both kept").isEqualTo(2);
        assertThat(dir(tmp.resolve("out"))).as("no temp file left").allMatch(n -> !n.endsWith(".tmp"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCorruptOrPartialFileIsIgnoredWithAWarningAndReplaced(@TempDir Path tmp) throws Exception {
        Path shot = write(tmp.resolve("orders.png"), "V37-V3NC");
        Path file = tmp.resolve(OcrCache.FILE_NAME);
        for (String broken : List.of("{\"version\": 1, \"texts\": {\"abc|x\": \"V3", "не json", "[1, 2]", "")) {
            Files.writeString(file, broken);
            warnings.clear();
            CountingOcr ocr = new CountingOcr("p");
            OcrCache cache = OcrCache.open(file, ocr, warnings::add);
            assertThat(cache.text(shot)).isEqualTo("V37-V3NC");
            assertThat(ocr.calls).hasValue(1);
            assertThat(warnings).as(broken).singleElement().asString().contains("не читается").contains(file.toString());
            CountingOcr next = new CountingOcr("p");
            OcrCache.open(file, next, warnings::add).text(shot);
            assertThat(next.calls).as("the broken file was replaced by a good one").hasValue(0);
        }
    }

    @Test
    void aFailedReadingIsNotKept(@TempDir Path tmp) throws Exception {
        Path shot = write(tmp.resolve("orders.png"), "V37-V3NC");
        CountingOcr ocr = new CountingOcr("p").failing(1);
        OcrCache cache = OcrCache.open(tmp.resolve(OcrCache.FILE_NAME), ocr, warnings::add);
        assertThatThrownBy(() -> cache.text(shot)).hasMessageContaining("60 с");
        assertThat(cache.text(shot)).isEqualTo("V37-V3NC");
        assertThat(ocr.calls).hasValue(2);
    }

    @Test
    void threadsAskingForTheSamePictureAtOnceShareOneReading(@TempDir Path tmp) throws Exception {
        Path shot = write(tmp.resolve("orders.png"), "V37-V3NC");
        CountingOcr ocr = new CountingOcr("p").slow(300);
        OcrCache cache = OcrCache.open(tmp.resolve(OcrCache.FILE_NAME), ocr, warnings::add);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.text(shot);
                }));
            }
            start.countDown();
            for (Future<String> f : answers) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("V37-V3NC");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ocr.calls).hasValue(1);
    }

    @Test
    void twoCachesOnOneFileKeepEachOthersEntries(@TempDir Path tmp) throws Exception {
        // the batch and a child JVM it started both save into the batch's file
        Path file = tmp.resolve(OcrCache.FILE_NAME);
        OcrCache parent = OcrCache.open(file, new CountingOcr("p"), warnings::add);
        OcrCache child = OcrCache.open(file, new CountingOcr("p"), warnings::add);
        parent.text(write(tmp.resolve("a.png"), "A"));
        child.text(write(tmp.resolve("b.png"), "B"));
        parent.text(write(tmp.resolve("c.png"), "C"));
        CountingOcr later = new CountingOcr("p");
        OcrCache resumed = OcrCache.open(file, later, warnings::add);
        assertThat(resumed.size()).isEqualTo(3);
        resumed.text(tmp.resolve("b.png"));
        assertThat(later.calls).hasValue(0);
    }

    private static Path write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static List<String> dir(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
