package ru.mpgu.lab.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.scoring.ScoreOverride;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;

/**
 * The five cases every platform must accept (model, partial, raised and lowered override, infrastructure
 * failure), checked by each platform's own rules: Classroom 50's vendored JSON schema plus the cross-field rules
 * of its runner's validate_result; the GitHub reporter's two totals. Each case is also written to
 * target/platform-samples for bench/platform-reporter.sh, which runs the real reporter on them.
 */
class PlatformCasesTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final Path SAMPLES = Path.of("target", "platform-samples");
    static final Map<String, String> RUNNER_ENV = Map.of("CLASSROOM", "mpgu-2026", "ASSIGNMENT", "django-scaling",
            "USERNAME", "ivanov", "SUBMISSION_TAG", "submit/20260901T100000Z-abc1234",
            "COMMIT_URL", "https://github.com/mpgu/mpgu-2026-django-scaling-ivanov/commit/abc1234",
            "RELEASE_URL", "https://github.com/mpgu/mpgu-2026-django-scaling-ivanov/releases/tag/submit%2F1");

    static Schema classroom50Schema() throws Exception {
        try (InputStream in = PlatformCasesTest.class.getResourceAsStream("/platforms/classroom50/result-v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static ScoreSheet model() {
        List<CheckOutcome> o = new ArrayList<>();
        OutputsTest.RUBRIC.allChecks().forEach(c -> o.add(CheckOutcome.passed(c.id(), "Всё в порядке.")));
        return Scorer.score(OutputsTest.RUBRIC, o, Map.of());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("model", model()),
                Arguments.of("partial", OutputsTest.mixedSheet(false, Map.of())),
                Arguments.of("raised-override", OutputsTest.mixedSheet(false, Map.of("launch", new ScoreOverride(2, "Скриншот показан на занятии.")))),
                Arguments.of("lowered-override", OutputsTest.mixedSheet(false, Map.of("scaling", new ScoreOverride(1.3, "Вывод wrk не свой.")))),
                Arguments.of("infra-failure", OutputsTest.mixedSheet(true, Map.of())));
    }

    /** The rules of runner.py::validate_result that the schema cannot express (re-stated, not copied). */
    static List<String> runnerRules(JsonNode r) {
        List<String> errors = new ArrayList<>();
        if (r.get("score").asInt() > r.get("max-score").asInt()) {
            errors.add("score > max-score");
        }
        int sum = 0;
        int max = 0;
        for (JsonNode t : r.get("tests")) {
            if (t.get("score").asInt() > t.get("max-score").asInt()) {
                errors.add(t.get("test-name").asText() + ": score > max-score");
            }
            sum += t.get("score").asInt();
            max += t.get("max-score").asInt();
        }
        // not the runner's rule, but what the gradebook shows must be what the tests say
        if (sum != r.get("score").asInt() || max != r.get("max-score").asInt()) {
            errors.add("tests add up to " + sum + "/" + max);
        }
        return errors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classroom50AcceptsTheResult(String name, ScoreSheet sheet) throws Exception {
        ObjectNode result = Classroom50Result.toJson(sheet, OutputsTest.meta(), RUNNER_ENV);
        List<Error> errors = classroom50Schema().validate(result);
        assertThat(errors).as(name + ": " + result).extracting(Error::getMessage).isEmpty();
        assertThat(runnerRules(result)).as(name).isEmpty();
        // tenths of a point: the sheet's total, rounded
        assertThat(result.get("score").asInt()).isEqualTo((int) Math.round(sheet.total() * 10));
        assertThat(result.get("max-score").asInt()).isEqualTo(100);
        write(name, "classroom50-result.json", result);
    }

    @org.junit.jupiter.api.Test
    void theSchemaRejectsWhatWeUsedToWrite() throws Exception {
        ObjectNode old = Classroom50Result.toJson(OutputsTest.mixedSheet(false, Map.of()), OutputsTest.meta(), RUNNER_ENV);
        old.put("score", 8.34);
        old.putObject("lab").put("grade", "зачтено");
        ((ObjectNode) old.get("tests").get(0)).put("score", -0.5);
        assertThat(classroom50Schema().validate(old)).extracting(Error::toString)
                .anySatisfy(m -> assertThat(m).startsWith("/score").contains("integer"))
                .anySatisfy(m -> assertThat(m).startsWith("/tests/0/score"))
                .anySatisfy(m -> assertThat(m).contains("lab"))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void githubReporterShowsOneTotalWithoutFloatNoise(String name, ScoreSheet sheet) throws Exception {
        Map<String, ObjectNode> runners = AutogradingResult.toJson(sheet, OutputsTest.meta());
        assertThat(runners).containsOnlyKeys(AutogradingResult.EARNED, AutogradingResult.MISSED);
        // the reporter's table: passed tests / tests * max_score per runner; its Points line: the sum of scores
        double table = 0;
        double points = 0;
        int max = 0;
        for (ObjectNode r : runners.values()) {
            JsonNode tests = r.get("tests");
            assertThat(tests.size()).as("a runner without tests divides by zero").isPositive();
            long passed = 0;
            for (JsonNode t : tests) {
                passed += t.get("status").asText().equals("pass") ? 1 : 0;
                assertThat(t.get("score").isInt()).isTrue();
                points += t.get("score").asInt();
            }
            assertThat(r.get("max_score").isInt()).isTrue();
            table += (double) passed / tests.size() * r.get("max_score").asInt();
            max += r.get("max_score").asInt();
        }
        assertThat(table).isEqualTo(points);
        assertThat(AutogradingResult.pointsLine(sheet)).isEqualTo("Points " + (long) points + "/" + max);
        // what the teacher grades is neither earned nor lost here
        double teacher = sheet.criteria().stream().filter(c -> c.override() == null).flatMap(c -> c.checks().stream())
                .filter(l -> !PlatformPoints.objective(l)).mapToDouble(l -> l.max()).sum();
        assertThat(max).isEqualTo((int) Math.round((sheet.max() - teacher) * 10));
        Map<String, Object> sample = new LinkedHashMap<>();
        runners.forEach((k, v) -> sample.put(k.toUpperCase() + "_RESULTS", AutogradingResult.base64(v)));
        sample.put("points_line", AutogradingResult.pointsLine(sheet));
        write(name, "github-reporter-env.json", JSON.valueToTree(sample));
    }

    /**
     * Gradescope's results.json rules as its autograder specification states them
     * (gradescope-autograders.readthedocs.io/en/latest/specs/): the known top-level and test fields, the
     * visibility and format values, tests' status passed/failed; and the total is what the tests add up to.
     */
    static List<String> gradescopeRules(JsonNode r) {
        List<String> errors = new ArrayList<>();
        Set<String> top = Set.of("score", "execution_time", "output", "output_format", "test_output_format",
                "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
        Set<String> test = Set.of("score", "max_score", "status", "name", "name_format", "number", "output",
                "output_format", "tags", "visibility", "extra_data");
        Set<String> visibility = Set.of("hidden", "after_due_date", "after_published", "visible");
        Set<String> formats = Set.of("text", "html", "simple_format", "md", "ansi");
        r.fieldNames().forEachRemaining(f -> {
            if (!top.contains(f)) {
                errors.add("unknown field " + f);
            }
        });
        for (String f : List.of("visibility", "stdout_visibility")) {
            if (r.has(f) && !visibility.contains(r.get(f).asText())) {
                errors.add(f + "=" + r.get(f));
            }
        }
        for (String f : List.of("output_format", "test_output_format")) {
            if (r.has(f) && !formats.contains(r.get(f).asText())) {
                errors.add(f + "=" + r.get(f));
            }
        }
        if (!r.path("score").isNumber()) {
            errors.add("score is not a number");
        }
        double sum = 0;
        for (JsonNode t : r.path("tests")) {
            t.fieldNames().forEachRemaining(f -> {
                if (!test.contains(f)) {
                    errors.add("unknown test field " + f);
                }
            });
            if (!t.path("score").isNumber() || !t.path("max_score").isNumber()) {
                errors.add(t.path("name").asText() + ": score/max_score not numbers");
            }
            if (t.has("status") && !Set.of("passed", "failed").contains(t.get("status").asText())) {
                errors.add(t.path("name").asText() + ": status " + t.get("status"));
            }
            if (t.has("visibility") && !visibility.contains(t.get("visibility").asText())) {
                errors.add(t.path("name").asText() + ": visibility " + t.get("visibility"));
            }
            sum += t.path("score").asDouble();
        }
        if (Math.abs(sum - r.path("score").asDouble()) > 1e-6) {
            errors.add("tests add up to " + sum + ", score is " + r.path("score"));
        }
        return errors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradescopeAcceptsTheResult(String name, ScoreSheet sheet) throws Exception {
        ObjectNode result = GradescopeResults.toJson(sheet, OutputsTest.meta());
        assertThat(gradescopeRules(result)).as(name).isEmpty();
        assertThat(result.get("score").asDouble()).isEqualTo(sheet.total());
        write(name, "gradescope-results.json", result);
    }

    /** bench and platforms/gradescope/try-locally.sh: -Dlab.gradescope.results=FILE checks a real run's file. */
    @org.junit.jupiter.api.Test
    void aGivenGradescopeResultsFileFollowsTheSpec() throws Exception {
        String file = System.getProperty("lab.gradescope.results", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(file.isBlank(), "no -Dlab.gradescope.results given");
        assertThat(gradescopeRules(JSON.readTree(Path.of(file).toFile()))).isEmpty();
    }

    /** platforms/classroom50: -Dlab.classroom50.result=FILE checks a real autograder.py run's result.json. */
    @org.junit.jupiter.api.Test
    void aGivenClassroom50ResultFollowsTheSchemaAndTheRunnersRules() throws Exception {
        String file = System.getProperty("lab.classroom50.result", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(file.isBlank(), "no -Dlab.classroom50.result given");
        JsonNode result = JSON.readTree(Path.of(file).toFile());
        assertThat(classroom50Schema().validate(result)).extracting(Error::getMessage).isEmpty();
        assertThat(runnerRules(result)).isEmpty();
    }

    static void write(String name, String file, JsonNode json) throws Exception {
        Path dir = SAMPLES.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), JSON.writeValueAsString(json) + "\n");
    }
}
