package ru.mpgu.lab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
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
    void githubResultIsBase64JsonWhoseTestsAddUpAndIsWrittenToGithubOutput(@TempDir Path tmp) throws Exception {
        ScoreSheet sheet = OutputsTest.mixedSheet(false, Map.of("explanation", new ScoreOverride(2.5, "устно")));
        Path output = tmp.resolve("gh_output");
        Path summary = tmp.resolve("summary.md");
        Files.writeString(output, "earlier=1\n");
        String line = AutogradingResult.emit(sheet, OutputsTest.meta(),
                Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));
        assertThat(line).isEqualTo("Points " + AutogradingResult.plain(sheet.total()) + "/10");

        String written = Files.readString(output);
        assertThat(written).startsWith("earlier=1\nresult=").endsWith("\n");
        String b64 = written.lines().filter(l -> l.startsWith("result=")).findFirst().orElseThrow().substring(7);
        JsonNode root = JSON.readTree(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
        assertThat(root.path("version").asInt()).isEqualTo(1);
        assertThat(root.path("status").asText()).isEqualTo("pass");
        assertThat(root.path("max_score").asDouble()).isEqualTo(10.0);
        assertThat(sum(root.path("tests"), "score")).isCloseTo(sheet.total(), offset(1e-6));
        assertThat(sum(root.path("tests"), "max_score")).isCloseTo(10.0, offset(1e-6));
        assertThat(root.path("tests").get(0).path("status").asText()).isIn("pass", "fail", "error");
        assertThat(Files.readString(summary)).contains("| **Итого** |").contains("Запуск проекта");
    }

    @Test
    void infraFailureIsErrorStatus() throws Exception {
        JsonNode root = AutogradingResult.toJson(OutputsTest.mixedSheet(true, Map.of()), OutputsTest.meta());
        assertThat(root.path("status").asText()).isEqualTo("error");
        boolean anyError = false;
        for (JsonNode t : root.path("tests")) {
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
        assertThat(root.path("review").asText()).isEqualTo("https://example.invalid/c");
        assertThat(root.path("datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(root.path("score").asDouble()).isCloseTo(sheet.total(), offset(1e-6));
        assertThat(root.path("score").asDouble()).isCloseTo(sum(root.path("tests"), "score"), offset(1e-6));
        assertThat(root.path("max-score").asDouble()).isCloseTo(sum(root.path("tests"), "max-score"), offset(1e-6));
        assertThat(root.path("max-score").asDouble()).isEqualTo(10.0);
        assertThat(root.path("tests").get(0).has("test-name")).isTrue();
        assertThat(root.path("tests").get(0).path("passed").isBoolean()).isTrue();
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
