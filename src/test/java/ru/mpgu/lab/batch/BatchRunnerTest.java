package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.mpgu.lab.batch.BatchFixtures.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.scoring.ScoreOverride;

class BatchRunnerTest {

    private final StringWriter console = new StringWriter();

    BatchRunner runner(Path subs, Path out, SubmissionGrader grader, Map<String, Map<String, ScoreOverride>> overrides,
                       IntegrityManifest manifest, java.util.function.BooleanSupplier docker) {
        return new BatchRunner(new BatchRunner.Settings(subs, out, RUBRIC_FILE, RUBRIC, overrides, Duration.ofSeconds(30),
                manifest, false), grader, docker, new PrintWriter(console));
    }

    /** A class of fake results: used by the tests and for the screenshot of index.html. */
    static Path fakeClass(Path subs, Path out) throws Exception {
        submission(subs, "ivanov-ii", "Иванов Иван Иванович", "ПИ-21");
        submission(subs, "petrova-aa", "Петрова Анна; \"староста\"", "ПИ-21");
        submission(subs, "sidorov", "Сидоров Пётр", "ПИ-22");
        Path broken = submission(subs, "zz-broken", "Козлов Олег", "ПИ-22");
        Files.writeString(broken.resolve("docker-compose.yml"), "services: [oops\n  - :\n");
        Files.createDirectories(subs.resolve("empty-folder"));
        Path noReport = subs.resolve("no-report");
        Files.createDirectories(noReport);
        Files.writeString(noReport.resolve("docker-compose.yml"), "services:\n  web:\n    image: x\n");
        Map<String, GradingOutcome> canned = new LinkedHashMap<>();
        canned.put("ivanov-ii", ok(sheet(1, false, Map.of()), 412.5, 1098.0, 71));
        canned.put("petrova-aa", ok(sheet(0.6, true, Map.of("explanation", new ScoreOverride(1, "устно"))), 380.0, 950.2, 83));
        canned.put("sidorov", new GradingOutcome(null, null, null, -1, true, "проверка не уложилась в 300 с", Duration.ofSeconds(300)));
        canned.put("zz-broken", ok(sheet(0.3, false, Map.of()), null, null, 12));
        canned.put("no-report", ok(sheet(0.5, false, Map.of()), 200.0, null, 65));
        FakeGrader grader = new FakeGrader(canned);
        new BatchRunner(new BatchRunner.Settings(subs, out, RUBRIC_FILE, RUBRIC,
                Map.of("petrova-aa", Map.of("explanation", new ScoreOverride(1, "устно"))), Duration.ofSeconds(300),
                null, false), grader, () -> true, new PrintWriter(new StringWriter())).run();
        return out;
    }

    @Test
    void gradesEveryFolderAndFlagsBadInputsWithoutStopping(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        Path out = fakeClass(subs, tmp.resolve("out"));
        String csv = Files.readString(out.resolve(GradebookCsv.FILE_NAME), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines.get(1)).startsWith("empty-folder;;;").contains(Flags.EMPTY);
        assertThat(csv).contains("ivanov-ii;Иванов Иван Иванович;ПИ-21;");
        assertThat(row(lines, "sidorov")).contains(Flags.TIMEOUT).contains(Flags.INFRASTRUCTURE);
        assertThat(row(lines, "zz-broken")).contains(Flags.COMPOSE_UNPARSABLE);
        assertThat(row(lines, "no-report")).contains(Flags.NO_REPORT).contains(Flags.NOT_A_REPOSITORY).contains(";200;");
        assertThat(row(lines, "petrova-aa")).contains(Flags.MANUAL).contains(Flags.NEEDS_REVIEW).contains(";380;950,2;");
        assertThat(Files.exists(out.resolve("ivanov-ii/report/report.html"))).isTrue();
        assertThat(Files.exists(out.resolve("ivanov-ii/done.json"))).isTrue();
        assertThat(Files.exists(out.resolve("sidorov/done.json"))).as("infra failures are retried").isFalse();
        assertThat(Files.readString(out.resolve("petrova-aa/overrides.yaml"))).contains("explanation").contains("устно");
    }

    private static String row(List<String> lines, String folder) {
        return lines.stream().filter(l -> l.startsWith(folder + ";")).findFirst().orElseThrow();
    }

    @Test
    void resumeSkipsUnchangedAndRegradesChanged(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        Path a = submission(subs, "a", "Аа Бб", "1");
        submission(subs, "b", "Вв Гг", "1");
        FakeGrader grader = new FakeGrader(Map.of("a", ok(sheet(1, false, Map.of()), 1.0, 2.0, 1),
                "b", ok(sheet(0.5, false, Map.of()), 1.0, 2.0, 1)));
        runner(subs, tmp.resolve("out"), grader, Map.of(), null, () -> true).run();
        assertThat(grader.calls).hasValue(2);

        BatchRunner.Summary again = runner(subs, tmp.resolve("out"), grader, Map.of(), null, () -> true).run();
        assertThat(grader.calls).hasValue(2);
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.rows()).extracting(GradebookRow::folder).containsExactly("a", "b");
        assertThat(again.rows().get(0).total()).isEqualTo(10.0);

        Files.writeString(a.resolve("app.py"), "changed");
        BatchRunner.Summary third = runner(subs, tmp.resolve("out"), grader, Map.of(), null, () -> true).run();
        assertThat(grader.calls).hasValue(3);
        assertThat(third.graded()).isEqualTo(1);

        runner(subs, tmp.resolve("out"), grader, Map.of("b", Map.of("launch", new ScoreOverride(2, "ok"))), null, () -> true).run();
        assertThat(grader.calls).as("a new override regrades that student").hasValue(4);
        assertThat(grader.requests.get(3).folder()).isEqualTo("b");
        assertThat(grader.requests.get(3).overrides()).isNotNull();
    }

    @Test
    void dockerGoneStopsTheBatchAndKeepsFinishedRows(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        submission(subs, "a", "Аа", "1");
        submission(subs, "b", "Бб", "1");
        submission(subs, "c", "Вв", "1");
        FakeGrader grader = new FakeGrader(Map.of("a", ok(sheet(1, false, Map.of()), 1.0, 2.0, 1)));
        BatchRunner.Summary s = runner(subs, tmp.resolve("out"), grader, Map.of(), null, () -> false).run();
        assertThat(s.aborted()).isTrue();
        assertThat(s.abortReason()).contains("Docker не отвечает");
        assertThat(grader.calls).hasValue(2);
        String csv = Files.readString(tmp.resolve("out/gradebook.csv"));
        assertThat(csv).contains("\r\na;").contains("\r\nb;").doesNotContain("\r\nc;");
    }

    @Test
    void tamperedTestsAreFlagged(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        Path a = submission(subs, "a", "Аа", "1");
        Files.createDirectories(a.resolve("src/test/java"));
        Files.writeString(a.resolve("src/test/java/LabGradingIT.java"), "class X {}");
        Files.writeString(a.resolve("rubric.yaml"), "title: t");
        IntegrityManifest manifest = IntegrityManifest.generate(a);
        Files.writeString(a.resolve("src/test/java/LabGradingIT.java"), "class X { /* hacked */ }");
        Files.writeString(a.resolve("docker-compose.yml"), "services:\n  web:\n    image: y\n");
        FakeGrader grader = new FakeGrader(Map.of("a", ok(sheet(1, false, Map.of()), 1.0, 2.0, 1)));
        BatchRunner.Summary s = runner(subs, tmp.resolve("out"), grader, Map.of(), manifest, () -> true).run();
        assertThat(s.rows().get(0).flags()).contains(Flags.TAMPERED_TESTS).doesNotContain(Flags.TAMPERED_RUBRIC);
        assertThat(s.rows().get(0).notes()).anyMatch(n -> n.contains("LabGradingIT.java"));
        assertThat(grader.requests.get(0).rubric()).as("always the teacher's rubric").isEqualTo(RUBRIC_FILE);
    }

    @Test
    void overridesFileIsParsedPerStudent(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("o.yaml");
        Files.writeString(f, "ivanov-ii:\n  explanation.answer5: {points: 1.5, comment: \"Ответ разобран устно\"}\n"
                + "  launch: {points: 2}\npetrova: {}\n");
        Map<String, Map<String, ScoreOverride>> o = BatchOverrides.read(f);
        assertThat(o).containsOnlyKeys("ivanov-ii", "petrova");
        assertThat(o.get("ivanov-ii").get("explanation.answer5")).isEqualTo(new ScoreOverride(1.5, "Ответ разобран устно"));
        assertThat(o.get("ivanov-ii").get("launch").comment()).isEmpty();

        Path section = BatchOverrides.writeSection(o.get("ivanov-ii"), tmp.resolve("s.yaml"));
        assertThat(ru.mpgu.lab.grading.Overrides.read(section)).isEqualTo(o.get("ivanov-ii"));

        Files.writeString(f, "ivanov-ii:\n  launch: {comment: нет баллов}\n");
        assertThatThrownBy(() -> BatchOverrides.read(f)).hasMessageContaining("points");
        Files.writeString(f, "- a\n- b\n");
        assertThatThrownBy(() -> BatchOverrides.read(f)).hasMessageContaining("ожидается");
    }
}
