package ru.mpgu.lab.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * Classroom 50's {@code result.json} ({@code schema: classroom50/result/v1}): identity fields come from the
 * runner's environment (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, REVIEW_URL, OWNER);
 * {@code score}/{@code max-score} are the sums of the tests, one test per rubric check.
 */
public final class Classroom50Result {

    public static final String FILE_NAME = "result.json";
    public static final String SCHEMA = "classroom50/result/v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Classroom50Result() {
    }

    public static ObjectNode toJson(ScoreSheet sheet, RunMetadata meta, Map<String, String> env) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("classroom", env.getOrDefault("CLASSROOM", ""));
        root.put("assignment", env.getOrDefault("ASSIGNMENT", ""));
        String owner = env.getOrDefault("OWNER", env.getOrDefault("USERNAME", ""));
        if (!owner.isBlank()) {
            root.put("owner", owner);
        }
        root.put("submission", env.getOrDefault("SUBMISSION_TAG", ""));
        String commit = env.getOrDefault("COMMIT_URL", "");
        root.put("commit", commit);
        root.put("release", env.getOrDefault("RELEASE_URL", ""));
        String review = env.getOrDefault("REVIEW_URL", "");
        root.put("review", review.isBlank() ? commit : review);
        Instant started = meta.startedAt() == null ? Instant.now() : meta.startedAt();
        Instant finished = meta.finishedAt() == null ? Instant.now() : meta.finishedAt();
        root.put("datetime", env.getOrDefault("SUBMISSION_DATETIME", started.truncatedTo(ChronoUnit.SECONDS).toString()));
        root.put("graded_at", finished.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode tests = root.putArray("tests");
        double score = 0;
        double max = 0;
        for (CriterionScore c : sheet.criteria()) {
            double sum = 0;
            for (CheckLine l : c.checks()) {
                ObjectNode t = tests.addObject();
                t.put("test-name", c.title() + ": " + l.title());
                t.put("passed", l.earned() >= l.max() - 1e-9);
                t.put("score", l.earned());
                t.put("max-score", l.max());
                // extra diagnostic fields are preserved by the runner
                t.put("check-id", l.checkId());
                t.put("status", l.status().name().toLowerCase());
                t.put("message", l.message());
                sum += l.earned();
                max += l.max();
            }
            if (c.override() != null) {
                ObjectNode t = tests.addObject();
                t.put("test-name", c.title() + ": корректировка преподавателя");
                t.put("passed", true);
                t.put("score", Math.round((c.earned() - sum) * 1000) / 1000.0);
                t.put("max-score", 0);
                t.put("message", c.override().comment());
                sum = c.earned();
            }
            score += sum;
        }
        root.put("score", Math.round(score * 1000) / 1000.0);
        root.put("max-score", Math.round(max * 1000) / 1000.0);
        ObjectNode extra = root.putObject("lab");
        extra.put("grade", sheet.gradeLabel());
        extra.put("passed", sheet.passed());
        extra.put("infra_failure", sheet.infraFailure());
        extra.put("needs_review", sheet.needsReview());
        return root;
    }

    public static Path write(Path file, ScoreSheet sheet, RunMetadata meta, Map<String, String> env) throws IOException {
        return ReportWriter.writeAtomically(file, JSON.writeValueAsString(toJson(sheet, meta, env)) + "\n");
    }
}
