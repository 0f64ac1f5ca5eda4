package ru.mpgu.lab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import ru.mpgu.lab.facts.StackFacts;

/** A stack measurement's time by phase: each live check's own time, without the phases timed inside it. */
class MeasurementPhasesTest {

    @Test
    void aLiveChecksOwnTimeLeavesOutTheLoadRunInsideIt(@TempDir Path tmp) throws Exception {
        LabRun run = new LabRun(GradingConfig.forRepo(tmp).reportOnly(true));
        run.beginCheck("load.no_errors");
        try {
            run.stack(); // marks the check live (report-only: nothing boots)
        } catch (TestAbortedException expected) {
            // the not-run path
        }
        run.timer().time("нагрузка (1 реплика)", () -> pause(600));
        pause(100);
        run.endCheck();
        run.beginCheck("report.filled"); // not live: no phase of its own
        pause(50);
        run.endCheck();

        Map<String, Duration> phases = run.timer().snapshot();
        assertThat(phases).containsOnlyKeys("нагрузка (1 реплика)", LabRun.CHECK_PHASE + "load.no_errors");
        assertThat(phases.get("нагрузка (1 реплика)")).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(phases.get(LabRun.CHECK_PHASE + "load.no_errors")).isGreaterThanOrEqualTo(Duration.ofMillis(100))
                .isLessThan(Duration.ofMillis(550));
    }

    @Test
    void phasesAreKeptInTheFactsInOrderAndOldFilesReadWithout(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("docker-compose.yml"), "services: {}\n");
        Map<String, Duration> phases = new LinkedHashMap<>();
        phases.put("запуск стенда", Duration.ofMillis(43_500));
        phases.put(LabRun.CHECK_PHASE + "launch.orders_json", Duration.ofMillis(400));
        phases.put("нагрузка (1 реплика)", Duration.ofSeconds(10));
        phases.put("остановка стенда", Duration.ofMillis(8_100));
        Path file = StackFacts.measured(tmp, null, Instant.now(), Map.of(), Map.of(), Map.of(), phases).write(tmp.resolve("f.json"));
        StackFacts read = StackFacts.read(file);
        assertThat(read.phaseMillis()).containsExactly(Map.entry("запуск стенда", 43_500L),
                Map.entry("проверка launch.orders_json", 400L), Map.entry("нагрузка (1 реплика)", 10_000L),
                Map.entry("остановка стенда", 8_100L));
        assertThat(read.describePhases()).isEqualTo("запуск стенда 43,5 с; проверка launch.orders_json 400 мс;"
                + " нагрузка (1 реплика) 10,0 с; остановка стенда 8,1 с; всего 1 мин 02 с");

        String old = Files.readString(file).replaceAll("(?s),\\s*\"phaseMillis\"\\s*:\\s*\\{[^}]*\\}", "");
        assertThat(old).doesNotContain("phaseMillis");
        Files.writeString(file, old);
        assertThat(StackFacts.read(file).phaseMillis()).isEmpty();
        assertThat(StackFacts.read(file).describePhases()).isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
