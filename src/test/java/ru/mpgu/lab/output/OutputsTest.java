package ru.mpgu.lab.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.ScoreOverride;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class OutputsTest {

    static final Rubric RUBRIC = RubricLoader.load(Path.of("rubric.yaml"));
    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    static RunMetadata meta() {
        Map<String, Duration> phases = new LinkedHashMap<>();
        phases.put("Запуск стенда", Duration.ofSeconds(75));
        phases.put("Нагрузка", Duration.ofMillis(21_400));
        phases.put("Разбор отчёта", Duration.ofMillis(120));
        return new RunMetadata(Path.of("/home/student/lab"), START, START.plusSeconds(130), phases,
                List.of(new Attachment("Логи web", Path.of("target/lab-report/logs/web.log"))));
    }

    static ScoreSheet mixedSheet(boolean infra, Map<String, ScoreOverride> overrides) {
        List<CheckOutcome> o = new ArrayList<>();
        RUBRIC.allChecks().forEach(c -> o.add(CheckOutcome.passed(c.id(), "Всё в порядке.")));
        o.removeIf(c -> c.checkId().equals("launch.screenshot_orders") || c.checkId().equals("explanation.answer5")
                || c.checkId().equals("metrics.answer3") || c.checkId().equals("scaling.balanced"));
        o.add(CheckOutcome.failed("launch.screenshot_orders", "Файл screenshots/orders.png не найден."));
        o.add(CheckOutcome.review("explanation.answer5", 0.5, "Найдено отрицание: «не является узким местом».")
                .withDetails(List.of("[есть] база данных - найдено: «база данных»", "[отрицание] узкое место")));
        o.add(CheckOutcome.partial("metrics.answer3", 0.34, "Ответ засчитан частично | есть не всё."));
        o.add(infra ? CheckOutcome.infra("scaling.balanced", "Docker не отвечает.") : CheckOutcome.passed("scaling.balanced", "ok"));
        return Scorer.score(RUBRIC, o, overrides);
    }

    @Test
    void consoleSummaryListsCriteriaTotalFixesAndTimings() {
        String s = ConsoleSummary.render(mixedSheet(false, Map.of()), meta());
        assertThat(s).contains("1. Запуск проекта").contains("1,5 из 2")
                .contains("Итого: 8,3 из 10").contains("Оценка: зачтено").contains("порог зачёта: 6")
                .contains("Что исправить:")
                .contains(" 1. Скриншот работающего /orders приложен - не выполнено (0 из 0,5)")
                .contains("Как исправить: Сохраните скриншот")
                .contains("Ответ на вопрос 3 - частично (0,3 из 1)")
                .contains("Ответ на аналитический вопрос 5 - проверит преподаватель (0,5 из 1)")
                .contains("Часть баллов поставлена предварительно")
                .contains("Запуск стенда").contains("1 мин 15 с").contains("21,4 с").contains("120 мс").contains("2 мин 10 с")
                .doesNotContain("СБОЙ ОКРУЖЕНИЯ");
        assertThat(s.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(110));
        assertThat(s.chars().filter(ch -> ch > 0x7F && Character.UnicodeScript.of(ch) != Character.UnicodeScript.CYRILLIC
                && ch != '«' && ch != '»')).as("only ASCII and Cyrillic").isEmpty();
    }

    @Test
    void infraFailureIsExplainedAsNotTheStudentsFault() {
        ScoreSheet sheet = mixedSheet(true, Map.of());
        String console = ConsoleSummary.render(sheet, meta());
        assertThat(console).contains("СБОЙ ОКРУЖЕНИЯ").contains("НЕ ошибка в вашей работе")
                .contains("Не удалось проверить").contains("Docker не отвечает.");
        String md = MarkdownReport.render(sheet, meta());
        assertThat(md).contains("> **Внимание: сбой окружения.**").contains("запустите проверку ещё раз");
        assertThat(md.indexOf("сбой окружения")).isLessThan(md.indexOf("**Итого"));
    }

    @Test
    void markdownHasTablesPerCriterionAndEscapesCells() {
        ScoreSheet sheet = mixedSheet(false, Map.of("explanation.answer5", new ScoreOverride(1, "Верно по смыслу.")));
        String md = MarkdownReport.render(sheet, meta());
        assertThat(md).startsWith("# Результат проверки: Нагрузка и масштабирование Django-приложения")
                .contains("| 1 | Запуск проекта | 1,5 из 2 |")
                .contains("## 5. Объяснение результатов - 2 из 2")
                .contains("| Проверка | Результат | Баллы | Комментарий |")
                .contains("Ответ засчитан частично \\| есть не всё.")
                .contains("Исправлено преподавателем: Верно по смыслу.")
                .contains("<details><summary>Ответ на аналитический вопрос 5: подробности</summary>")
                .contains("- [отрицание] узкое место")
                .contains("## Что исправить")
                .contains("| Нагрузка | 21,4 с |")
                .contains("- [Логи web](target/lab-report/logs/web.log)")
                .contains("`/home/student/lab`");
        assertThat(md).doesNotContain("Ответ на аналитический вопрос 5** - проверит"); // overridden: nothing to fix
    }

    @Test
    void gradescopeJsonHasRequiredFieldsAndScoresAddUp() throws Exception {
        ScoreSheet sheet = mixedSheet(true, Map.of("scaling", new ScoreOverride(2, "Показал на занятии.")));
        JsonNode root = new ObjectMapper().readTree(GradescopeResults.render(sheet, meta()));
        assertThat(root.get("score").asDouble()).isEqualTo(sheet.total());
        assertThat(root.get("execution_time").asLong()).isEqualTo(130);
        assertThat(root.get("output_format").asText()).isEqualTo("md");
        assertThat(root.get("visibility").asText()).isEqualTo("visible");
        assertThat(root.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(root.get("output").asText()).contains("сбой окружения");
        JsonNode tests = root.get("tests");
        assertThat(tests.size()).isEqualTo(RUBRIC.allChecks().count() + 1); // + override adjustment
        double sum = 0;
        double max = 0;
        for (JsonNode t : tests) {
            for (String f : List.of("name", "number", "score", "max_score", "status", "output", "output_format", "tags", "visibility")) {
                assertThat(t.has(f)).as(t.get("name") + " has " + f).isTrue();
            }
            assertThat(t.get("status").asText()).isIn("passed", "failed");
            sum += t.get("score").asDouble();
            max += t.get("max_score").asDouble();
        }
        assertThat(sum).isCloseTo(root.get("score").asDouble(), offset(1e-6));
        assertThat(max).isCloseTo(10, offset(1e-6));
        assertThat(tests.get(0).get("number").asText()).isEqualTo("1.1");
        assertThat(root.at("/extra_data/infra_failure").asBoolean()).isTrue();
        assertThat(root.at("/extra_data/infra_error_checks/0").asText()).isEqualTo("scaling.balanced");
        assertThat(root.at("/extra_data/needs_review_checks/0").asText()).isEqualTo("explanation.answer5");
        assertThat(root.at("/extra_data/grade").asText()).isEqualTo(sheet.gradeLabel());
    }

    @Test
    void writerWritesUtf8FilesAtomically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("target/lab-report");
        ReportWriter.Written w = ReportWriter.writeAll(out, mixedSheet(false, Map.of()), meta());
        assertThat(Files.readString(w.markdown(), StandardCharsets.UTF_8)).contains("Запуск проекта");
        assertThat(new ObjectMapper().readTree(w.json().toFile()).get("tests").isArray()).isTrue();
        assertThat(Files.readString(w.summary())).contains("Итого");
        // second run replaces, and no temp files are left behind
        ReportWriter.writeAll(out, mixedSheet(true, Map.of()), meta());
        assertThat(Files.readString(w.markdown())).contains("сбой окружения");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.md", "results.json", "summary.txt");
        }
    }
}
