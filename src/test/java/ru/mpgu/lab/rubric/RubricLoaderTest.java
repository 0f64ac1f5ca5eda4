package ru.mpgu.lab.rubric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RubricLoaderTest {

    /** Ids the check code refers to; renaming one in rubric.yaml must break this test. */
    static final Set<String> STABLE_CHECK_IDS = Set.of(
            "launch.stack_boots", "launch.orders_json", "launch.screenshot_orders", "launch.answer1",
            "load.wrk_output_valid", "load.wrk_consistent", "load.no_errors", "load.answer2",
            "metrics.prometheus_counter", "metrics.dashboard_queries", "metrics.screenshot_grafana", "metrics.answer3",
            "scaling.balanced", "scaling.prometheus_targets", "scaling.wrk_second_run", "scaling.answer4",
            "launch.wrk_baseline", "explanation.db_evidence", "explanation.conclusion",
            "explanation.answer5", "explanation.report_complete");

    @Test
    void repositoryRubricLoadsAndMatchesTheLabTable() {
        Rubric r = RubricLoader.load(Path.of("rubric.yaml"));
        assertThat(r.total()).isEqualTo(10);
        assertThat(r.criteria()).extracting(Criterion::id)
                .containsExactly("launch", "load", "metrics", "scaling", "explanation");
        assertThat(r.criteria()).extracting(Criterion::title)
                .containsExactly("Запуск проекта", "Нагрузка выполнена", "Метрики проанализированы", "Масштабирование", "Объяснение результатов");
        assertThat(r.criteria()).allSatisfy(c -> assertThat(c.points()).isEqualTo(2));
        assertThat(r.allChecks().map(Check::id).collect(Collectors.toSet())).isEqualTo(STABLE_CHECK_IDS);
        for (int q = 1; q <= 5; q++) {
            assertThat(r.answerCheck(q)).as("question %d", q).isPresent();
        }
        assertThat(r.answerCheck(5).orElseThrow().answer().question())
                .isEqualTo("Почему увеличение числа Django-контейнеров не решает все проблемы системы?");
        assertThat(r.check("load.wrk_output_valid").orElseThrow().intParam("connections", -1)).isEqualTo(30);
        assertThat(r.check("load.wrk_output_valid").orElseThrow().stringParam("url_path", "")).isEqualTo("/orders");
        assertThat(r.check("launch.stack_boots").orElseThrow().listParam("required_services")).contains("web", "db", "nginx");
        assertThat(r.gradeLabel(5.9)).isEqualTo("не зачтено");
        assertThat(r.gradeLabel(6)).isEqualTo("зачтено");
        assertThat(r.criterionOf("scaling.balanced").orElseThrow().id()).isEqualTo("scaling");
    }

    @Test
    void bundledCopyIsTheSameAsTheRepositoryFile() {
        Rubric bundled = RubricLoader.loadBundled();
        Rubric file = RubricLoader.load(Path.of("rubric.yaml"));
        assertThat(bundled.criteria()).isEqualTo(file.criteria());
    }

    @Test
    void missingFileIsReportedInRussian(@TempDir Path dir) {
        assertThatThrownBy(() -> RubricLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(RubricException.class).hasMessageContaining("файл не найден");
    }

    @Test
    void syntaxErrorHasLineNumber() {
        RubricException e = catchThrowableOfType(RubricException.class,
                () -> RubricLoader.parse("total: 10\ncriteria: [\n  - a: : :\n", "bad.yaml", null));
        assertThat(e.getMessage()).contains("bad.yaml").contains("строка").contains("синтаксиса");
    }

    @Test
    void listsAllProblemsWithPathsAndLines() {
        String yaml = """
                title: t
                total: 5
                pass_mark: 7
                colour: red
                grade_scale:
                  - {min_points: 4, label: "хорошо"}
                  - {min_points: 2, label: "плохо"}
                  - {min_points: 3, label: "плохо"}
                criteria:
                  - id: a
                    title: A
                    points: 2
                    checks:
                      - id: a.one
                        title: one
                        points: -1
                      - id: a.two
                        title: two
                        points: 1
                  - id: a
                    title: B
                    points: 2
                    checks:
                      - id: a.two
                        title: two again
                        points: 2
                        answer:
                          number: 1
                          question: "Q?"
                          concepts:
                            - id: c
                              title: C
                              terms: []
                      - id: other.x
                        title: x
                        points: 0
                """;
        RubricException e = catchThrowableOfType(RubricException.class, () -> RubricLoader.parse(yaml, "r.yaml", null));
        List<String> p = e.problems();
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("colour (строка 4)").contains("неизвестный ключ"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("pass_mark (строка 3)"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("grade_scale[1].min_points (строка 7)").contains("возрастанию"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("grade_scale[2].label").contains("уже есть"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[0].checks[0].points (строка 16)").contains("больше нуля"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[0].points").contains("сумма баллов проверок"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[1].id (строка 20)").contains("уже используется"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[1].checks[0].id").contains("«a.two» уже используется"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[1].checks[0].answer.concepts[0].terms").contains("нет слов"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[1].checks[1].id").contains("должен начинаться с «a.»"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("criteria[1].checks[1].points").contains("больше нуля"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("total").contains("не равна total"));
        assertThat(e.getMessage()).startsWith("Файл критериев r.yaml содержит ошибки (" + p.size() + "):");
    }

    @Test
    void missingFieldsAndDuplicateKeys() {
        String yaml = """
                total: 2
                total: 2
                criteria:
                  - id: a
                    checks:
                      - id: a.x
                        title: x
                        points: 2
                """;
        RubricException e = catchThrowableOfType(RubricException.class, () -> RubricLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems())
                .anySatisfy(s -> assertThat(s).contains("total").contains("строка 2").contains("повторяется"))
                .anySatisfy(s -> assertThat(s).contains("pass_mark").contains("нет обязательного ключа"))
                .anySatisfy(s -> assertThat(s).contains("grade_scale").contains("нет обязательного ключа"))
                .anySatisfy(s -> assertThat(s).startsWith("criteria[0].title").contains("нет обязательного"))
                .anySatisfy(s -> assertThat(s).startsWith("criteria[0].points").contains("нет обязательного"));
    }

    @Test
    void wrongTypesAndBadReviewBand() {
        String yaml = """
                title: t
                total: 1
                pass_mark: "six"
                grade_scale: [{min_points: 0, label: x}]
                criteria:
                  - id: a
                    title: A
                    points: 1
                    checks:
                      - id: a.q
                        title: q
                        points: 1
                        answer:
                          number: 1
                          question: "?"
                          review_band: [0.9, 0.2]
                          concepts:
                            - {id: c, title: C, terms: [x], weight: 0}
                """;
        RubricException e = catchThrowableOfType(RubricException.class, () -> RubricLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems())
                .anySatisfy(s -> assertThat(s).startsWith("pass_mark").contains("числом"))
                .anySatisfy(s -> assertThat(s).contains("review_band").contains("нижняя <= верхняя"))
                .anySatisfy(s -> assertThat(s).contains("concepts[0].weight").contains("больше нуля"))
                .hasSize(3);
    }

    @Test
    void validMinimalRubricLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, """
                title: t
                total: 1
                pass_mark: 1
                grade_scale: [{min_points: 0, label: "нет"}, {min_points: 1, label: "да"}]
                criteria:
                  - {id: a, title: A, points: 1, checks: [{id: a.x, title: X, points: 1, params: {n: 3}}]}
                """);
        Rubric r = RubricLoader.load(f);
        assertThat(r.roundingStep()).isEqualTo(0.1);
        assertThat(r.check("a.x").orElseThrow().intParam("n", 0)).isEqualTo(3);
        assertThat(r.source()).isEqualTo(f);
    }
}
