package ru.mpgu.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.grading.GradingResult;
import ru.mpgu.lab.output.OutputsTestAccess;
import ru.mpgu.lab.output.ScoreSheetJson;

class GradeAndBatchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void reset() {
        GradeCommand.grader = ru.mpgu.lab.grading.LabGrader::grade;
    }

    private int run(String... args) {
        return CliRuns.execute(out, err, args);
    }

    @Test
    void gradeReturnsZeroWhateverTheScoreAndWritesTheSheet(@TempDir Path tmp) throws Exception {
        GradeCommand.grader = c -> new GradingResult(c.repo(), OutputsTestAccess.sheet(false), Map.of(), c.reportDir(), "сводка");
        int code = run("grade", "--repo", tmp.toString(), "--out", tmp.resolve("r").toString(), "--format", "console,github,gradescope", "-q");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("earned=").contains("missed=").contains("Points ").contains("сводка");
        assertThat(ScoreSheetJson.read(tmp.resolve("r/sheet.json")).max()).isEqualTo(10.0);
    }

    @Test
    void gradeReturnsOneOnInfrastructureFailure(@TempDir Path tmp) {
        GradeCommand.grader = c -> new GradingResult(c.repo(), OutputsTestAccess.sheet(true), Map.of(), c.reportDir(), "");
        assertThat(run("grade", "--repo", tmp.toString(), "--out", tmp.resolve("r").toString(), "-q")).isEqualTo(1);
        GradeCommand.grader = c -> {
            throw new IllegalStateException("Docker не отвечает");
        };
        assertThat(run("grade", "--repo", tmp.toString(), "-q")).isEqualTo(1);
        assertThat(err.toString()).contains("Сбой окружения").contains("Docker не отвечает");
    }

    @Test
    void badArgumentsAreExitTwoWithRussianMessage(@TempDir Path tmp) {
        assertThat(run("grade", "--repo", tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("каталог работы не найден");
        assertThat(run("grade", "--repo", tmp.toString(), "--rubric", tmp.resolve("x.yaml").toString())).isEqualTo(2);
        assertThat(run("grade", "--format", "pdf")).isEqualTo(2);
        assertThat(run("batch", "--submissions", tmp.toString(), "--out", tmp.resolve("o").toString(), "--jobs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--jobs 0: число одновременных проверок должно быть целым и не меньше 1");
        assertThat(run("batch", "--submissions", tmp.toString(), "--out", tmp.resolve("o").toString(), "--jobs=-3")).isEqualTo(2);
        assertThat(err.toString()).contains("--jobs -3:");
        assertThat(run("batch", "--submissions", tmp.toString(), "--out", tmp.resolve("o").toString(), "--jobs", "два")).isEqualTo(2);
        assertThat(err.toString()).as("our Russian text, without picocli's English wrapper").contains("Ошибка: --jobs два: число одновременных");
        assertThat(run("batch", "--submissions", tmp.toString(), "--out", tmp.resolve("o").toString(), "--budget", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("неверный предел времени");
    }

    @Test
    void manifestCommandWritesTheFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");
        assertThat(run("manifest", "--repo", tmp.toString())).isZero();
        assertThat(Files.readString(tmp.resolve("integrity-manifest.json"))).contains("\"pom.xml\"");
    }

    @Test
    void budgetConverterAcceptsSecondsAndMinutes() {
        BatchCommand.DurationConverter c = new BatchCommand.DurationConverter();
        assertThat(c.convert("300s").toSeconds()).isEqualTo(300);
        assertThat(c.convert("5m").toSeconds()).isEqualTo(300);
        assertThat(c.convert("90").toSeconds()).isEqualTo(90);
        assertThat(List.of("0s", "x")).allSatisfy(v ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.convert(v)).isInstanceOf(IllegalArgumentException.class));
    }
}
