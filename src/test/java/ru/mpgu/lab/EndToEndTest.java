package ru.mpgu.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.output.RunMetadata;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportChecks;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.report.ReportParserTestAccess;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Report file → answers graded → scored (other checks not run) → outputs written. */
class EndToEndTest {

    @Test
    void filledReportFlowsThroughToResults(@TempDir Path dir) throws Exception {
        Rubric rubric = RubricLoader.load(Path.of(RubricLoader.FILE_NAME));
        Path reportFile = dir.resolve("report/REPORT.md");
        Files.createDirectories(reportFile.getParent());
        Files.writeString(reportFile, ReportParserTestAccess.filledReport());
        LabReport report = ReportParser.parse(reportFile);

        List<CheckOutcome> outcomes = new ArrayList<>(new AnswerGrader(rubric).gradeAll(report));
        outcomes.add(ReportChecks.reportComplete(report));
        assertThat(outcomes).hasSize(7); // five answers, the «Вывод», completeness
        assertThat(outcomes).filteredOn(o -> o.checkId().equals("explanation.answer5"))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(CheckStatus.PASSED));

        ScoreSheet sheet = Scorer.score(rubric, outcomes, Map.of());
        // answer 5, «Вывод», completeness; the database evidence is a check of its own that did not run here
        assertThat(sheet.criteria().get(4).earned()).isEqualTo(1.5);
        assertThat(sheet.checksWith(CheckStatus.NOT_RUN)).hasSize(14);

        Instant now = Instant.now();
        ReportWriter.Written w = ReportWriter.writeAll(dir.resolve("target/lab-report"), sheet,
                new RunMetadata(dir, now, now.plusSeconds(3), Map.of(), List.of()));
        JsonNode json = new ObjectMapper().readTree(w.json().toFile());
        assertThat(json.get("score").asDouble()).isEqualTo(sheet.total());
        assertThat(Files.readString(w.summary())).contains("Не удалось проверить");
    }

    @Test
    void missingReportFailsAnswersWithTheReason(@TempDir Path dir) {
        Rubric rubric = RubricLoader.loadBundled();
        LabReport report = ReportParser.parse(dir.resolve("report/REPORT.md"));
        List<CheckOutcome> answers = new AnswerGrader(rubric).gradeAll(report);
        assertThat(answers).hasSize(6).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(o.message()).contains("не прочитан").contains("не найден");
        });
    }
}
