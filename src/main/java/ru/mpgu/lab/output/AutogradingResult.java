package ru.mpgu.lab.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Map;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * The result of a GitHub Actions autograding runner in the classroom-resources format (what
 * autograding-command-grader puts into its {@code result} output and autograding-grading-reporter reads from
 * {@code <RUNNER>_RESULTS}): base64 of {@code {version, status, max_score, tests:[{name, status, message,
 * score, max_score, ...}]}}. One test per rubric check; test scores add up to the total.
 */
public final class AutogradingResult {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AutogradingResult() {
    }

    public static ObjectNode toJson(ScoreSheet sheet, RunMetadata meta) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", sheet.infraFailure() ? "error" : sheet.passed() ? "pass" : "fail");
        root.put("max_score", sheet.max());
        ArrayNode tests = root.putArray("tests");
        for (CriterionScore c : sheet.criteria()) {
            double sum = 0;
            for (CheckLine l : c.checks()) {
                ObjectNode t = tests.addObject();
                t.put("name", c.title() + ": " + l.title());
                t.put("status", l.status() == CheckStatus.INFRA_ERROR ? "error"
                        : l.earned() >= l.max() - 1e-9 ? "pass" : "fail");
                t.put("message", l.status().russian() + ". " + l.message()
                        + (l.override() != null ? " Исправлено преподавателем: " + l.override().comment() : ""));
                t.put("test_code", l.checkId());
                t.put("filename", "");
                t.put("line_no", 0);
                t.put("execution_time", "0s");
                t.put("score", l.earned());
                t.put("max_score", l.max());
                sum += l.earned();
            }
            if (c.override() != null) {
                ObjectNode t = tests.addObject();
                t.put("name", c.title() + ": корректировка преподавателя");
                t.put("status", "pass");
                t.put("message", c.override().comment());
                t.put("test_code", c.id());
                t.put("filename", "");
                t.put("line_no", 0);
                t.put("execution_time", "0s");
                t.put("score", Math.round((c.earned() - sum) * 1000) / 1000.0);
                t.put("max_score", 0);
            }
        }
        return root;
    }

    public static String base64(ScoreSheet sheet, RunMetadata meta) {
        try {
            byte[] json = JSON.writeValueAsBytes(toJson(sheet, meta));
            return Base64.getEncoder().encodeToString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** «Points 8.5/10», the line the classroom-resources reporter prints and teachers' scripts grep for. */
    public static String pointsLine(ScoreSheet sheet) {
        return "Points " + plain(sheet.total()) + "/" + plain(sheet.max());
    }

    /** Markdown for the job summary page: criteria table and total. */
    public static String jobSummary(ScoreSheet sheet) {
        StringBuilder sb = new StringBuilder("## ").append(sheet.title()).append("\n\n");
        if (sheet.infraFailure()) {
            sb.append("> **Внимание: сбой окружения.** ").append(Texts.INFRA_BANNER).append("\n\n");
        }
        sb.append("| Критерий | Баллы | Максимум |\n|---|---:|---:|\n");
        for (CriterionScore c : sheet.criteria()) {
            sb.append("| ").append(c.title().replace("|", "\\|")).append(" | ").append(Texts.points(c.earned()))
                    .append(" | ").append(Texts.points(c.max())).append(" |\n");
        }
        sb.append("| **Итого** | **").append(Texts.points(sheet.total())).append("** | **")
                .append(Texts.points(sheet.max())).append("** |\n\n");
        sb.append("Оценка: **").append(sheet.gradeLabel()).append("**. Подробный отчёт: артефакт lab-report (report.md).\n");
        if (sheet.needsReview()) {
            sb.append("\n").append(Texts.REVIEW_NOTE).append("\n");
        }
        return sb.toString();
    }

    /**
     * When running inside GitHub Actions: appends {@code result=<base64>} to $GITHUB_OUTPUT and the job summary
     * to $GITHUB_STEP_SUMMARY (each only when its variable is set). Returns the points line to print.
     */
    public static String emit(ScoreSheet sheet, RunMetadata meta, Map<String, String> env) throws IOException {
        String output = env.get("GITHUB_OUTPUT");
        if (output != null && !output.isBlank()) {
            append(Path.of(output), "result=" + base64(sheet, meta) + "\n");
        }
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            append(Path.of(summary), jobSummary(sheet) + "\n");
        }
        return pointsLine(sheet);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
