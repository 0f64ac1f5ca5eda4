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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * The results of GitHub Actions autograding runners in the classroom-resources format (what
 * autograding-grading-reporter reads, base64, from {@code <RUNNER>_RESULTS}): {@code {version, status, max_score,
 * tests:[{name, status, message, score, ...}]}}.
 * <p>
 * The reporter prints two totals: its table counts a runner's passed tests times its {@code max_score}, its
 * «Points» line adds the tests' scores. They agree only when every test of a runner passes or every one fails,
 * so the sheet goes into two runners: {@link #EARNED} (every check with points, each passed, its points as score)
 * and {@link #MISSED} (every check short of its maximum, each failed, score 0). Points are whole tenths
 * ({@link PlatformPoints}), so neither total can carry float noise. Answers a teacher will grade
 * ({@code NEEDS_REVIEW}) are in neither runner: the job summary says they are graded by the teacher.
 */
public final class AutogradingResult {

    /** Runner (step output) names, as the workflow passes them to the reporter. */
    public static final String EARNED = "earned";
    public static final String MISSED = "missed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AutogradingResult() {
    }

    /** What the reporter totals: everything but the answers a teacher will grade. */
    static List<PlatformPoints.Row> rows(ScoreSheet sheet) {
        return PlatformPoints.rows(sheet, PlatformPoints::objective);
    }

    /** Both runners' results, keyed by runner name. */
    public static Map<String, ObjectNode> toJson(ScoreSheet sheet, RunMetadata meta) {
        List<PlatformPoints.Row> rows = rows(sheet);
        ObjectNode earned = runner("pass", rows.stream().mapToInt(PlatformPoints.Row::earned).sum());
        ObjectNode missed = runner(sheet.infraFailure() ? "error" : sheet.passed() ? "pass" : "fail",
                rows.stream().mapToInt(r -> r.max() - r.earned()).sum());
        for (PlatformPoints.Row r : rows) {
            if (!r.counted()) {
                continue;
            }
            String message = r.isOverride() ? "Баллы за критерий поставил преподаватель. " + r.criterion().override().comment()
                    : r.line().status().russian() + ". " + r.line().message()
                            + (r.line().override() != null ? " Исправлено преподавателем: " + Texts.overrideNote(r.line().override()) : "");
            if (r.earned() > 0) {
                test(earned, r.name() + " — " + PlatformPoints.asPoints(r.earned()) + " из " + PlatformPoints.asPoints(r.max()),
                        "pass", message, r.earned());
            }
            if (r.earned() < r.max()) {
                boolean infra = r.line() != null && r.line().status() == CheckStatus.INFRA_ERROR;
                test(missed, r.name() + " — не набрано " + PlatformPoints.asPoints(r.max() - r.earned()) + " из "
                        + PlatformPoints.asPoints(r.max()), infra ? "error" : "fail", message, 0);
            }
        }
        // an empty runner makes the reporter divide 0 by 0: one test that keeps both totals
        if (earned.path("tests").isEmpty()) {
            test(earned, "Баллов пока нет", "fail", "Ни одна проверка не принесла баллов.", 0);
        }
        if (missed.path("tests").isEmpty()) {
            test(missed, "Все баллы автопроверки набраны", "pass", "Потерянных баллов нет.", 0);
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        out.put(EARNED, earned);
        out.put(MISSED, missed);
        return out;
    }

    private static ObjectNode runner(String status, int maxScore) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", status);
        root.put("max_score", maxScore);
        root.putArray("tests");
        return root;
    }

    private static void test(ObjectNode runner, String name, String status, String message, int score) {
        ObjectNode t = ((ArrayNode) runner.get("tests")).addObject();
        t.put("name", name);
        t.put("status", status);
        t.put("message", message);
        t.put("test_code", "");
        t.put("filename", "");
        t.put("line_no", 0);
        t.put("execution_time", "0s");
        t.put("score", score);
    }

    public static String base64(ObjectNode runner) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(runner));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code earned=<base64>} and {@code missed=<base64>}, the step outputs the workflow hands to the reporter. */
    public static String outputs(ScoreSheet sheet, RunMetadata meta) {
        StringBuilder sb = new StringBuilder();
        toJson(sheet, meta).forEach((name, json) -> sb.append(name).append('=').append(base64(json)).append('\n'));
        return sb.toString();
    }

    /** «Points 85/100», the line the reporter prints (tenths of a point); teachers' scripts grep for it. */
    public static String pointsLine(ScoreSheet sheet) {
        List<PlatformPoints.Row> rows = rows(sheet);
        return "Points " + PlatformPoints.earned(rows) + "/" + PlatformPoints.max(rows);
    }

    /** Said next to the points line: what the tenths are and what the teacher still grades. */
    public static String pointsNote(ScoreSheet sheet) {
        List<PlatformPoints.Row> rows = rows(sheet);
        StringBuilder sb = new StringBuilder("Автопроверка GitHub считает в десятых долях балла: ")
                .append(PlatformPoints.earned(rows)).append(" из ").append(PlatformPoints.max(rows)).append(" = ")
                .append(PlatformPoints.asPoints(PlatformPoints.earned(rows))).append(" из ")
                .append(PlatformPoints.asPoints(PlatformPoints.max(rows))).append(" балла.");
        List<CheckLine> teacher = sheet.criteria().stream().filter(c -> c.override() == null)
                .flatMap(c -> c.checks().stream()).filter(l -> !PlatformPoints.objective(l)).toList();
        if (!teacher.isEmpty()) {
            sb.append(" Письменные ответы (").append(teacher.size()).append(", до ")
                    .append(Texts.points(teacher.stream().mapToDouble(CheckLine::max).sum()))
                    .append(" балла) проверит преподаватель; в эту сумму они не входят.");
        }
        return sb.toString();
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
        sb.append("Оценка: **").append(sheet.gradeLabel()).append("**. Подробный отчёт: артефакт lab-report (report.md).\n\n");
        sb.append(pointsNote(sheet)).append("\n");
        if (sheet.needsReview()) {
            sb.append("\n").append(Texts.REVIEW_NOTE).append("\n");
        }
        return sb.toString();
    }

    /**
     * When running inside GitHub Actions: appends the two runners' outputs to $GITHUB_OUTPUT and the job summary
     * to $GITHUB_STEP_SUMMARY (each only when its variable is set). Returns the points line to print.
     */
    public static String emit(ScoreSheet sheet, RunMetadata meta, Map<String, String> env) throws IOException {
        String output = env.get("GITHUB_OUTPUT");
        if (output != null && !output.isBlank()) {
            append(Path.of(output), outputs(sheet, meta));
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
