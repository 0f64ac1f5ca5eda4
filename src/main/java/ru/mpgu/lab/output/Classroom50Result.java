package ru.mpgu.lab.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * Classroom 50's {@code result.json} ({@code schema: classroom50/result/v1}): identity fields come from the
 * runner's environment (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, REVIEW_URL, OWNER);
 * {@code score}/{@code max-score} are the sums of the tests, one test per rubric check, in tenths of a point
 * (the schema and the runner's validate_result accept only non-negative integers and no extra top-level fields).
 */
public final class Classroom50Result {

    public static final String FILE_NAME = "result.json";
    public static final String SCHEMA = "classroom50/result/v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Required non-empty fields outside the runner (a local {@code bin/lab grade --format classroom50}). */
    static final String UNKNOWN = "unknown";

    private Classroom50Result() {
    }

    public static ObjectNode toJson(ScoreSheet sheet, RunMetadata meta, Map<String, String> env) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("classroom", env.getOrDefault("CLASSROOM", ""));
        root.put("assignment", env.getOrDefault("ASSIGNMENT", ""));
        // the runner stamps the mode from MODE; "individual" is the platform's default
        root.put("assignment_type", first(env, "individual", "ASSIGNMENT_TYPE", "MODE"));
        root.put("owner", first(env, UNKNOWN, "OWNER", "USERNAME", "GITHUB_ACTOR"));
        root.put("submission", env.getOrDefault("SUBMISSION_TAG", ""));
        String commit = first(env, "", "COMMIT_URL");
        if (commit.isBlank()) {
            commit = env.containsKey("GITHUB_REPOSITORY") && env.containsKey("GITHUB_SHA")
                    ? env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.get("GITHUB_REPOSITORY")
                            + "/commit/" + env.get("GITHUB_SHA")
                    : UNKNOWN;
        }
        root.put("commit", commit);
        root.put("release", first(env, commit, "RELEASE_URL"));
        root.put("review", first(env, commit, "REVIEW_URL"));
        Instant started = meta.startedAt() == null ? Instant.now() : meta.startedAt();
        Instant finished = meta.finishedAt() == null ? Instant.now() : meta.finishedAt();
        root.put("datetime", env.getOrDefault("SUBMISSION_DATETIME", started.truncatedTo(ChronoUnit.SECONDS).toString()));
        root.put("graded_at", finished.truncatedTo(ChronoUnit.SECONDS).toString());
        // the platform adds non-negative integers: tenths of a point, and an override is a row of its own
        List<PlatformPoints.Row> rows = PlatformPoints.rows(sheet);
        root.put("score", PlatformPoints.earned(rows));
        root.put("max-score", PlatformPoints.max(rows));
        ArrayNode tests = root.putArray("tests");
        for (PlatformPoints.Row r : rows) {
            ObjectNode t = tests.addObject();
            t.put("test-name", r.name());
            t.put("score", r.earned());
            t.put("max-score", r.max());
            // extra diagnostic fields: the runner and the collector keep them verbatim
            t.put("points", PlatformPoints.asPoints(r.earned()) + " из " + PlatformPoints.asPoints(r.max()));
            if (r.isOverride()) {
                t.put("passed", r.earned() >= r.max());
                t.put("status", "override");
                t.put("message", "Баллы за критерий поставил преподаватель: " + Texts.points(r.criterion().earned())
                        + ". " + r.criterion().override().comment());
            } else {
                CheckLine l = r.line();
                t.put("passed", r.counted() ? r.earned() >= r.max() : l.status() == CheckStatus.PASSED);
                t.put("check-id", l.checkId());
                t.put("status", l.status().name().toLowerCase());
                t.put("message", l.status().russian() + ". " + l.message()
                        + (r.counted() ? "" : " (баллы критерия поставил преподаватель)"));
            }
        }
        return root;
    }

    private static String first(Map<String, String> env, String fallback, String... keys) {
        for (String k : keys) {
            String v = env.get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return fallback;
    }

    public static Path write(Path file, ScoreSheet sheet, RunMetadata meta, Map<String, String> env) throws IOException {
        return ReportWriter.writeAtomically(file, JSON.writeValueAsString(toJson(sheet, meta, env)) + "\n");
    }
}
