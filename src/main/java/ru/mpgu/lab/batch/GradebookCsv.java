package ru.mpgu.lab.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import ru.mpgu.lab.rubric.Criterion;

/**
 * gradebook.csv for Russian Excel: UTF-8 with BOM, «;» between fields, decimal comma, CRLF line ends; a field with
 * «;», quotes or line breaks is quoted (RFC 4180). A field starting with = + - @ gets a leading apostrophe so Excel
 * does not run a student's name as a formula.
 */
public final class GradebookCsv {

    public static final String FILE_NAME = "gradebook.csv";
    public static final char BOM = '\uFEFF';

    private GradebookCsv() {
    }

    public static String render(List<Criterion> criteria, List<GradebookRow> rows) {
        StringBuilder sb = new StringBuilder().append(BOM);
        List<String> header = new java.util.ArrayList<>(List.of("Папка", "Студент", "Группа"));
        criteria.forEach(c -> header.add(c.title() + " (из " + number(c.points()) + ")"));
        header.addAll(List.of("Итого", "Оценка", "Отметки", "Время проверки, с",
                "Запросов/с, 1 реплика", "Запросов/с, 3 реплики", "Пояснения"));
        line(sb, header);
        for (GradebookRow r : rows) {
            List<String> cells = new java.util.ArrayList<>(List.of(r.folder(), r.student(), r.group()));
            criteria.forEach(c -> cells.add(number(r.criteria().get(c.id()))));
            cells.add(number(r.total()));
            cells.add(r.grade());
            cells.add(String.join(", ", r.flags()));
            cells.add(BigDecimal.valueOf(r.seconds()).setScale(0, RoundingMode.HALF_UP).toPlainString());
            cells.add(number(r.rps1()));
            cells.add(number(r.rps3()));
            cells.add(String.join("; ", r.notes()));
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String quote(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(,\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** 7.5 → «7,5»; null → empty. */
    static String number(Double v) {
        if (v == null) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
