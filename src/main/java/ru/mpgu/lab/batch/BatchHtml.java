package ru.mpgu.lab.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import ru.mpgu.lab.rubric.Criterion;

/** index.html of a batch: the class table with links to each report and the class-wide charts. */
public final class BatchHtml {

    public static final String FILE_NAME = "index.html";
    public static final String TOTALS_CHART = "totals.png";
    public static final String RPS_CHART = "rps.png";

    static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            p.meta { color: #666; margin-top: 0; }
            table { border-collapse: collapse; font-size: 12px; max-width: 100%; }
            th, td { border: 1px solid #ccc; padding: 3px 5px; vertical-align: top; }
            th { font-weight: 600; min-width: 3em; }
            th { background: #f0f3f7; text-align: left; }
            td.name { min-width: 11em; }
            td.num { text-align: right; white-space: nowrap; }
            tr:nth-child(even) td { background: #fafafa; }
            tr.fail td.total { color: #b00020; font-weight: bold; }
            tr.pass td.total { color: #1b6e20; font-weight: bold; }
            span.flag { display: inline-block; margin: 1px 2px; padding: 0 5px; border-radius: 8px; font-size: 11px;
                        background: #fff3cd; border: 1px solid #e0c36a; }
            span.flag.bad { background: #fde2e2; border-color: #e39a9a; }
            div.notes { color: #666; font-size: 11px; max-width: 220px; overflow-wrap: anywhere; }
            .charts img { max-width: 100%; border: 1px solid #ddd; margin: 8px 0; }
            .charts { display: grid; grid-template-columns: 1fr; max-width: 1000px; }
            body.report { max-width: 960px; }
            body.report table { margin: 8px 0; }
            body.report pre { background: #f6f8fa; padding: 8px; overflow-x: auto; }
            img.copy { max-width: 420px; border: 1px solid #ddd; }
            pre.copy { max-width: 460px; white-space: pre-wrap; font-size: 10px; margin: 0; }
            """;

    private static final List<String> BAD_FLAGS = List.of(Flags.TAMPERED_TESTS, Flags.TAMPERED_RUBRIC, Flags.INFRASTRUCTURE,
            Flags.TIMEOUT, Flags.COMPOSE_REFUSED, Flags.COMPOSE_UNPARSABLE, Flags.EMPTY);

    private BatchHtml() {
    }

    /**
     * @param passMark   the rubric's pass mark: a row at or above it is shown as passed (whatever the grade's wording)
     * @param afterTable HTML placed between the table and the charts (the pairs of similar submissions)
     */
    public static String render(String title, List<Criterion> criteria, double passMark, List<GradebookRow> rows,
                                String generatedAt, String afterTable) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(escape(title)).append("</h1>\n");
        long graded = rows.stream().filter(r -> r.total() != null).count();
        sb.append("<p class=\"meta\">Работ: ").append(rows.size()).append(", с оценкой: ").append(graded)
                .append(". Сформировано ").append(escape(generatedAt))
                .append(". Таблица для Excel: <a href=\"").append(GradebookCsv.FILE_NAME).append("\">")
                .append(GradebookCsv.FILE_NAME).append("</a>.</p>\n");
        sb.append("<table>\n<thead><tr><th>№</th><th>Студент</th><th>Группа</th>");
        for (Criterion c : criteria) {
            sb.append("<th title=\"").append(escape(c.title())).append("\">").append(escape(c.title()))
                    .append(" <small>(").append(num(c.points())).append(")</small></th>");
        }
        sb.append("<th>Итого</th><th>Оценка</th><th>Отметки</th><th>Время, с</th><th>Запросов/с<br>1 реплика</th>")
                .append("<th>Запросов/с<br>3 реплики</th></tr></thead>\n<tbody>\n");
        int n = 1;
        for (GradebookRow r : rows) {
            sb.append("<tr class=\"").append(rowClass(r, passMark)).append("\"><td class=\"num\">").append(n++).append("</td><td class=\"name\">");
            String name = r.student().isBlank() ? r.folder() : r.student();
            if (!r.reportLink().isBlank()) {
                sb.append("<a href=\"").append(escape(r.reportLink())).append("\">").append(escape(name)).append("</a>");
            } else {
                sb.append(escape(name));
            }
            if (!r.student().isBlank()) {
                sb.append("<br><small>").append(escape(r.folder())).append("</small>");
            }
            sb.append("</td><td>").append(escape(r.group())).append("</td>");
            for (Criterion c : criteria) {
                sb.append("<td class=\"num\">").append(num(r.criteria().get(c.id()))).append("</td>");
            }
            sb.append("<td class=\"num total\">").append(num(r.total())).append("</td><td>").append(escape(r.grade()))
                    .append("</td><td>");
            for (String f : r.flags()) {
                sb.append("<span class=\"flag").append(BAD_FLAGS.contains(f) ? " bad" : "").append("\">")
                        .append(escape(f)).append("</span>");
            }
            if (!r.notes().isEmpty()) {
                sb.append("<div class=\"notes\">").append(escape(String.join("; ", r.notes()))).append("</div>");
            }
            sb.append("</td><td class=\"num\">").append(BigDecimal.valueOf(r.seconds()).setScale(0, RoundingMode.HALF_UP))
                    .append("</td><td class=\"num\">").append(num(r.rps1())).append("</td><td class=\"num\">")
                    .append(num(r.rps3())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n").append(afterTable).append("<h2>Графики по группе</h2>\n<div class=\"charts\">\n")
                .append("<img src=\"").append(TOTALS_CHART).append("\" alt=\"Распределение итоговых баллов\">\n")
                .append("<img src=\"").append(RPS_CHART).append("\" alt=\"Запросов в секунду при 1 и 3 репликах\">\n")
                .append("</div>\n</body>\n</html>\n");
        return sb.toString();
    }

    static String rowClass(GradebookRow r, double passMark) {
        if (r.total() == null) {
            return "none";
        }
        return r.total() + 1e-9 >= passMark ? "pass" : "fail";
    }

    static String num(Double v) {
        return v == null ? "—" : GradebookCsv.number(v);
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
