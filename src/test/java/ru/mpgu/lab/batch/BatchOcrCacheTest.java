package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC_FILE;
import static ru.mpgu.lab.batch.BatchFixtures.submission;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.ocr.CountingOcr;
import ru.mpgu.lab.ocr.OcrCache;
import ru.mpgu.lab.ocr.OcrEngine;
import ru.mpgu.lab.variant.Roster;
import ru.mpgu.lab.variant.ScreenshotCode;
import ru.mpgu.lab.variant.StudentVariant;

/** A batch reads each screenshot's content once, keeps the texts in its output folder, and puts the engine back. */
class BatchOcrCacheTest {

    @Test
    void oneScreenshotInThreeSubmissionsIsReadOnceAndNotAgainWhenResumed(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        Path out = tmp.resolve("out");
        String code = StudentVariant.forId("ivanov").code();
        Map<String, GradingOutcome> canned = new LinkedHashMap<>();
        StringBuilder roster = new StringBuilder("id;ФИО;группа;e-mail\n");
        for (String f : List.of("ivanov", "petrov", "sidorov")) {
            Path dir = submission(subs, f, f, "ИВТ-21");
            Files.writeString(dir.resolve("report/REPORT.md"), "\nСкриншот /orders: screenshots/orders.png\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.createDirectories(dir.resolve("report/screenshots"));
            // the fake engine "reads" the file's bytes: the same picture in every submission
            Files.writeString(dir.resolve("report/screenshots/orders.png"), "{\"variant\": \"" + code + "\"}");
            roster.append(f).append(';').append(f).append(";ИВТ-21;").append(f).append("@x\n");
            canned.put(f, BatchFixtures.ok(BatchFixtures.sheet(1, false, Map.of()), null, null, 1));
        }
        CountingOcr ocr = new CountingOcr("fake 1.0");
        OcrEngine before = ScreenshotCode.use(ocr);
        try {
            BatchRunner.Summary first = batch(subs, out, canned, Roster.parse(roster.toString()));
            assertThat(ocr.calls).as("three submissions, one picture").hasValue(1);
            assertThat(String.join(" ", first.rows().get(0).notes())).contains("виден код варианта " + code);
            assertThat(ScreenshotCode.engine()).as("the batch puts the engine back").isSameAs(ocr);
            assertThat(out.resolve(OcrCache.FILE_NAME)).isRegularFile();

            batch(subs, out, canned, Roster.parse(roster.toString()));
            assertThat(ocr.calls).as("a second batch into the same folder reads the kept text").hasValue(1);
        } finally {
            ScreenshotCode.use(before);
        }
    }

    @Test
    void aChildJvmIsToldToUseTheBatchsCacheFile(@TempDir Path tmp) {
        GradeRequest r = new GradeRequest("s", tmp, tmp.resolve("r"), RUBRIC_FILE, null, Duration.ofSeconds(5), tmp.resolve("log"));
        OcrCache cache = OcrCache.open(tmp.resolve(OcrCache.FILE_NAME), new CountingOcr("p"), m -> { });
        OcrEngine before = ScreenshotCode.use(cache);
        try {
            assertThat(ChildProcessGrader.javaCommand(r)).contains("-D" + ScreenshotCode.CACHE_PROPERTY + "=" + cache.file());
        } finally {
            ScreenshotCode.use(before);
        }
        assertThat(ChildProcessGrader.javaCommand(r)).noneMatch(a -> a.contains(ScreenshotCode.CACHE_PROPERTY));
    }

    private static BatchRunner.Summary batch(Path subs, Path out, Map<String, GradingOutcome> canned, Roster roster)
            throws Exception {
        return new BatchRunner(new BatchRunner.Settings(subs, out, RUBRIC_FILE, RUBRIC, Map.of(), Duration.ofSeconds(30), null,
                true), new BatchFixtures.FakeGrader(canned), () -> true, new PrintWriter(new StringWriter()))
                .withRoster(roster).run();
    }
}
