package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookOutputsTest {

    static GradebookRow row(String folder, String student) {
        return new GradebookRow(folder, student, "ПИ-21", Map.of("launch", 1.5, "load", 2.0), 7.25, 10, "зачтено",
                List.of(Flags.MANUAL, Flags.NEEDS_REVIEW), 71.4, 412.5, null, folder + "/report/report.html",
                List.of("заметка"));
    }

    @Test
    void csvHasBomSemicolonsQuotingAndCyrillic() {
        String csv = GradebookCsv.render(BatchFixtures.RUBRIC.criteria(),
                List.of(row("ivanov", "Иванов; Иван \"Ваня\""), row("=cmd", "Пётр")));
        assertThat(csv.charAt(0)).isEqualTo('\uFEFF');
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Папка;Студент;Группа;Запуск проекта (из ").contains(";Итого;Оценка;Отметки;");
        assertThat(lines[0].split(";")).hasSize(3 + BatchFixtures.RUBRIC.criteria().size() + 7);
        assertThat(lines[1]).startsWith("ivanov;\"Иванов; Иван \"\"Ваня\"\"\";ПИ-21;1,5;2;")
                .contains(";7,25;зачтено;ручная оценка, нужна проверка преподавателем;71;412,5;;заметка");
        assertThat(lines[2]).as("formula injection is neutralised").startsWith("'=cmd;");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
    }

    @Test
    void htmlLinksReportsAndReferencesCharts(@TempDir Path tmp) throws Exception {
        Path out = BatchRunnerTest.fakeClass(tmp.resolve("subs"), tmp.resolve("out"));
        String html = Files.readString(out.resolve(BatchHtml.FILE_NAME));
        assertThat(html).contains("<a href=\"ivanov-ii/report/report.html\">Иванов Иван Иванович</a>")
                .contains("<img src=\"totals.png\"").contains("<img src=\"rps.png\"")
                .contains("Петрова Анна; &quot;староста&quot;")
                .contains("href=\"sidorov/grading.log\"");
        for (String link : List.of("ivanov-ii/report/report.html", "sidorov/grading.log", "totals.png", "rps.png")) {
            assertThat(out.resolve(link)).as(link).isRegularFile();
        }
        assertThat(Files.size(out.resolve("totals.png"))).isGreaterThan(5_000);
        String report = Files.readString(out.resolve("ivanov-ii/report/report.html"));
        assertThat(report).contains("<table>").contains("href=\"../../index.html\"");
    }

    @Test
    void reportHtmlEscapesRawHtml() {
        String html = ReportHtml.render("t", "# Заголовок\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "../index.html");
        assertThat(html).contains("<h1>Заголовок</h1>").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("<td>1</td>");
    }
}
