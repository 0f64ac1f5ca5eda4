package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mpgu.lab.batch.BatchFixtures.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.output.ScoreSheetJson;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;

/** The batch decides by a check's {@link FailureKind}, never by the wording of its Russian message. */
class FailureKindInBatchTest {

    private static final String BOOTS = "launch.stack_boots";

    /** Every live check fails the way a refused stack makes them fail; the rest pass. */
    private static ScoreSheet sheetWithBoot(CheckOutcome boot) throws Exception {
        List<CheckOutcome> outcomes = new ArrayList<>();
        RUBRIC.allChecks().forEach(c -> outcomes.add(c.id().equals(BOOTS) ? boot : CheckOutcome.passed(c.id(), "ок")));
        ScoreSheet sheet = Scorer.score(RUBRIC, outcomes, Map.of());
        // the way a child `lab grade` hands the sheet to the batch: through sheet.json
        Path dir = Files.createTempDirectory("sheet");
        return ScoreSheetJson.read(ScoreSheetJson.write(dir, sheet));
    }

    private static String rowOf(Path tmp, ScoreSheet sheet) throws Exception {
        Path subs = tmp.resolve("subs");
        submission(subs, "ivanov", "Иванов Иван", "ПИ-21");
        FakeGrader grader = new FakeGrader(Map.of("ivanov", ok(sheet, null, null, 3)));
        new BatchRunner(new BatchRunner.Settings(subs, tmp.resolve("out"), RUBRIC_FILE, RUBRIC, Map.of(),
                Duration.ofSeconds(30), null, false), grader, () -> true, new PrintWriter(new StringWriter())).run();
        return Files.readString(tmp.resolve("out").resolve(GradebookCsv.FILE_NAME), StandardCharsets.UTF_8)
                .lines().filter(l -> l.startsWith("ivanov;")).findFirst().orElseThrow();
    }

    @Test
    void aRefusedStackIsFlaggedWhateverItsMessageSays(@TempDir Path tmp) throws Exception {
        ScoreSheet sheet = sheetWithBoot(CheckOutcome.failed(BOOTS, FailureKind.POLICY_REFUSED,
                "стенд не запустился: compose-файл не допущен политикой (любая формулировка)"));
        assertThat(sheet.allChecks().filter(l -> l.checkId().equals(BOOTS)).findFirst().orElseThrow().kind())
                .as("the kind survives sheet.json").isEqualTo(FailureKind.POLICY_REFUSED);
        assertThat(rowOf(tmp, sheet)).contains(Flags.COMPOSE_REFUSED);
    }

    @Test
    void theOldWordingAloneNoLongerMakesARefusal(@TempDir Path tmp) throws Exception {
        ScoreSheet sheet = sheetWithBoot(CheckOutcome.failed(BOOTS,
                "docker-compose.yml отклонён из соображений безопасности (это лишь текст, а не отказ политики)"));
        assertThat(rowOf(tmp, sheet)).doesNotContain(Flags.COMPOSE_REFUSED);
    }

    @Test
    void aSheetWithoutKindsReadsKindsFromTheStatus() throws Exception {
        Path dir = Files.createTempDirectory("old-sheet");
        ScoreSheet sheet = sheetWithBoot(CheckOutcome.infra(BOOTS, "Docker не отвечает"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(ScoreSheetJson.write(dir, sheet).toFile());
        tree.findParents("kind").forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("kind"));
        assertThat(json.writeValueAsString(tree)).doesNotContain("\"kind\"");
        Files.writeString(dir.resolve(ScoreSheetJson.FILE_NAME), json.writeValueAsString(tree));
        ScoreSheet old = ScoreSheetJson.read(dir.resolve(ScoreSheetJson.FILE_NAME));
        assertThat(old.allChecks().filter(l -> l.checkId().equals(BOOTS)).findFirst().orElseThrow().kind())
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(old.allChecks().filter(l -> l.status() == CheckStatus.PASSED).map(l -> l.kind()).distinct())
                .containsOnly(FailureKind.NONE);
    }

    @Test
    void theClassPageColoursRowsByThePassMarkNotByTheGradeWording() {
        GradebookRow low = new GradebookRow("a", "", "", Map.of(), 4.0, 10, "2 (неудовлетворительно)", List.of(), 1, null, null, "", List.of());
        GradebookRow high = new GradebookRow("b", "", "", Map.of(), 9.0, 10, "не хуже отличного", List.of(), 1, null, null, "", List.of());
        assertThat(BatchHtml.rowClass(low, 6)).isEqualTo("fail");
        assertThat(BatchHtml.rowClass(high, 6)).isEqualTo("pass");
    }
}
