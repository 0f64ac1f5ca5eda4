package ru.mpgu.lab.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * results.json in Gradescope's autograder format: one test per rubric check; criterion overrides become
 * an extra adjustment test so that test scores still add up to {@code score}.
 */
public final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    public static ObjectNode toJson(ScoreSheet sheet, RunMetadata meta) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", sheet.total());
        root.put("execution_time", Math.max(0, meta.elapsed().toSeconds()));
        root.put("output", summary(sheet));
        root.put("output_format", "md");
        root.put("test_output_format", "md");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        int ci = 1;
        for (CriterionScore c : sheet.criteria()) {
            int ki = 1;
            double sum = 0;
            for (CheckLine l : c.checks()) {
                ObjectNode t = tests.addObject();
                t.put("name", c.title() + ": " + l.title());
                t.put("number", ci + "." + ki++);
                t.put("score", l.earned());
                t.put("max_score", l.max());
                t.put("status", l.earned() >= l.max() - 1e-9 ? "passed" : "failed");
                t.put("output", testOutput(l));
                t.put("output_format", "md");
                ArrayNode tags = t.putArray("tags");
                tags.add(c.id());
                tags.add(l.status().name().toLowerCase());
                t.put("visibility", "visible");
                ObjectNode extra = t.putObject("extra_data");
                extra.put("check_id", l.checkId());
                extra.put("status", l.status().name());
                sum += l.earned();
            }
            if (c.override() != null) {
                ObjectNode t = tests.addObject();
                t.put("name", c.title() + ": корректировка преподавателя");
                t.put("number", ci + "." + ki);
                t.put("score", Math.round((c.earned() - sum) * 1000) / 1000.0);
                t.put("max_score", 0);
                t.put("status", "passed");
                t.put("output", "Баллы за критерий исправлены преподавателем: " + Texts.points(c.earned()) + ". " + c.override().comment());
                t.put("output_format", "md");
                t.putArray("tags").add(c.id()).add("override");
                t.put("visibility", "visible");
            }
            ci++;
        }
        ObjectNode extra = root.putObject("extra_data");
        extra.put("max_score", sheet.max());
        extra.put("grade", sheet.gradeLabel());
        extra.put("passed", sheet.passed());
        extra.put("pass_mark", sheet.passMark());
        extra.put("infra_failure", sheet.infraFailure());
        extra.put("needs_review", sheet.needsReview());
        ArrayNode review = extra.putArray("needs_review_checks");
        sheet.checksWith(CheckStatus.NEEDS_REVIEW).forEach(l -> review.add(l.checkId()));
        ArrayNode infra = extra.putArray("infra_error_checks");
        sheet.checksWith(CheckStatus.INFRA_ERROR).forEach(l -> infra.add(l.checkId()));
        ArrayNode warnings = extra.putArray("warnings");
        sheet.warnings().forEach(warnings::add);
        if (meta.repoPath() != null) {
            extra.put("repo", meta.repoPath().toString());
        }
        return root;
    }

    public static String render(ScoreSheet sheet, RunMetadata meta) {
        try {
            return JSON.writeValueAsString(toJson(sheet, meta));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String summary(ScoreSheet sheet) {
        StringBuilder sb = new StringBuilder();
        if (sheet.infraFailure()) {
            sb.append("**Внимание: сбой окружения.** ").append(Texts.INFRA_BANNER).append("\n\n");
        }
        sb.append("Итого: **").append(Texts.points(sheet.total())).append(" из ").append(Texts.points(sheet.max()))
                .append("**, оценка: **").append(sheet.gradeLabel()).append("**.");
        if (sheet.needsReview()) {
            sb.append("\n\n").append(Texts.REVIEW_NOTE);
        }
        return sb.toString();
    }

    private static String testOutput(CheckLine l) {
        StringBuilder sb = new StringBuilder(l.status().russian()).append(". ").append(l.message());
        if (l.override() != null) {
            sb.append("\n\nИсправлено преподавателем: ").append(Texts.overrideNote(l.override()));
        }
        for (String d : l.details()) {
            sb.append("\n- ").append(d);
        }
        if (l.needsFix() && !l.hint().isBlank()) {
            sb.append("\n\n*Как исправить:* ").append(l.hint());
        }
        return sb.toString();
    }
}
