package ru.mpgu.lab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.scoring.Scorer;
import ru.mpgu.lab.rubric.CheckOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.scoring.ScoreOverride;
import ru.mpgu.lab.scoring.ScoreSheet;

class PlatformOutputsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static double sum(JsonNode tests, String field) {
        double s = 0;
        for (JsonNode t : tests) {
            s += t.path(field).asDouble();
        }
        return s;
    }

    @Test
    void githubRunnersAreBase64JsonWrittenToGithubOutput(@TempDir Path tmp) throws Exception {
        ScoreSheet sheet = OutputsTest.mixedSheet(false, Map.of("explanation", new ScoreOverride(1.5, "устно")));
        Path output = tmp.resolve("gh_output");
        Path summary = tmp.resolve("summary.md");
        Files.writeString(output, "earlier=1\n");
        String line = AutogradingResult.emit(sheet, OutputsTest.meta(),
                Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));
        // the override covers the answer under review, so the whole sheet counts: tenths of 10 points
        assertThat(line).isEqualTo("Points " + Math.round(sheet.total() * 10) + "/100");

        String written = Files.readString(output);
        assertThat(written).startsWith("earlier=1\nearned=").endsWith("\n");
        double score = 0;
        int max = 0;
        for (String runner : new String[] {"earned=", "missed="}) {
            String b64 = written.lines().filter(l -> l.startsWith(runner)).findFirst().orElseThrow().substring(runner.length());
            JsonNode root = JSON.readTree(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
            assertThat(root.path("version").asInt()).isEqualTo(1);
            assertThat(root.path("tests").get(0).path("status").asText()).isIn("pass", "fail", "error");
            score += sum(root.path("tests"), "score");
            max += root.path("max_score").asInt();
        }
        assertThat(score).isEqualTo(Math.round(sheet.total() * 10));
        assertThat(max).isEqualTo(100);
        assertThat(Files.readString(summary)).contains("| **Итого** |").contains("Запуск проекта").contains("десятых");
    }

    @Test
    void answersUnderReviewAreNeitherEarnedNorLostInTheReporter() {
        ScoreSheet sheet = OutputsTest.mixedSheet(false, Map.of());
        // explanation.answer5 waits for the teacher: the reporter counts the other points only
        double review = sheet.checksWith(ru.mpgu.lab.rubric.CheckStatus.NEEDS_REVIEW).get(0).max();
        assertThat(AutogradingResult.pointsLine(sheet)).endsWith("/" + Math.round((10 - review) * 10));
        assertThat(AutogradingResult.pointsNote(sheet)).contains("проверит преподаватель").contains(Texts.points(review));
        for (JsonNode runner : AutogradingResult.toJson(sheet, OutputsTest.meta()).values()) {
            for (JsonNode t : runner.path("tests")) {
                assertThat(t.path("message").asText()).doesNotContain("Найдено отрицание");
            }
        }
    }

    @Test
    void infraFailureIsErrorStatus() throws Exception {
        // an infrastructure failure of a check that carries points (a gate carries none and is not a test row)
        List<CheckOutcome> o = new ArrayList<>();
        OutputsTest.RUBRIC.allChecks().forEach(c -> o.add(c.id().equals("load.wrk_output_valid")
                ? CheckOutcome.infra(c.id(), "Docker не отвечает.") : CheckOutcome.passed(c.id(), "ok")));
        JsonNode missed = AutogradingResult.toJson(Scorer.score(OutputsTest.RUBRIC, o, Map.of()), OutputsTest.meta())
                .get(AutogradingResult.MISSED);
        assertThat(missed.path("status").asText()).isEqualTo("error");
        boolean anyError = false;
        for (JsonNode t : missed.path("tests")) {
            anyError |= t.path("status").asText().equals("error");
        }
        assertThat(anyError).isTrue();
    }

    @Test
    void classroom50ResultFollowsTheContract(@TempDir Path tmp) throws Exception {
        ScoreSheet sheet = OutputsTest.mixedSheet(false, Map.of("launch", new ScoreOverride(2, "ok")));
        Map<String, String> env = Map.of("CLASSROOM", "mpgu-2026", "ASSIGNMENT", "django-scaling", "OWNER", "ivanov",
                "SUBMISSION_TAG", "submit/2026-09-01T10-00-00Z-abc1234", "COMMIT_URL", "https://example.invalid/c");
        Path file = Classroom50Result.write(tmp.resolve("result.json"), sheet, OutputsTest.meta(), env);
        JsonNode root = JSON.readTree(file.toFile());
        assertThat(root.path("schema").asText()).isEqualTo("classroom50/result/v1");
        assertThat(root.path("classroom").asText()).isEqualTo("mpgu-2026");
        assertThat(root.path("owner").asText()).isEqualTo("ivanov");
        assertThat(root.path("assignment_type").asText()).isEqualTo("individual");
        assertThat(root.path("review").asText()).isEqualTo("https://example.invalid/c");
        assertThat(root.path("release").asText()).isEqualTo("https://example.invalid/c");
        assertThat(root.path("datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(root.path("score").isInt()).isTrue();
        assertThat(root.path("score").asInt()).isEqualTo(Math.round(sheet.total() * 10));
        assertThat((double) root.path("score").asInt()).isEqualTo(sum(root.path("tests"), "score"));
        assertThat((double) root.path("max-score").asInt()).isEqualTo(sum(root.path("tests"), "max-score"));
        assertThat(root.path("max-score").asInt()).isEqualTo(100);
        assertThat(root.has("lab")).isFalse();
        for (JsonNode t : root.path("tests")) {
            assertThat(t.path("score").asInt()).isBetween(0, t.path("max-score").asInt());
            assertThat(t.path("passed").isBoolean()).isTrue();
        }
    }

    @Test
    void gradescopeTestScoresAddUpToScore() throws Exception {
        ScoreSheet sheet = OutputsTest.mixedSheet(false, Map.of("metrics", new ScoreOverride(1, "ok")));
        JsonNode root = GradescopeResults.toJson(sheet, OutputsTest.meta());
        assertThat(root.path("score").asDouble()).isCloseTo(sum(root.path("tests"), "score"), offset(1e-6));
        for (JsonNode t : root.path("tests")) {
            assertThat(t.path("status").asText()).isIn("passed", "failed");
            assertThat(t.has("max_score")).isTrue();
        }
    }

    @Test
    void platformOutputsOnlyWhenEnvironmentSaysSo(@TempDir Path tmp) {
        ScoreSheet sheet = OutputsTest.mixedSheet(false, Map.of());
        assertThat(PlatformOutputs.fromEnvironment(sheet, OutputsTest.meta(), Map.of(), tmp)).isEmpty();
        assertThat(tmp.resolve("result.json")).doesNotExist();
        assertThat(PlatformOutputs.fromEnvironment(sheet, OutputsTest.meta(), Map.of("CLASSROOM", "c", "ASSIGNMENT", "a"), tmp))
                .get().asString().contains("Classroom 50");
        assertThat(tmp.resolve("result.json")).isRegularFile();
    }

    @Test
    void scoreSheetJsonRoundTrips(@TempDir Path tmp) throws Exception {
        ScoreSheet sheet = OutputsTest.mixedSheet(true, Map.of("launch", new ScoreOverride(2, "ok")));
        assertThat(ScoreSheetJson.read(ScoreSheetJson.write(tmp, sheet))).isEqualTo(sheet);
    }
}
