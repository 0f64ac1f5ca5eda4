package ru.mpgu.lab.answers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricException;
import ru.mpgu.lab.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The pieces of the claim analysis: negation per clause, keyword lists, the component blamed, rubric claims, runs. */
class ClaimAnalysisTest {

    private static final AnswerGrader GRADER = new AnswerGrader(RubricLoader.load(Path.of("rubric.yaml")));
    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static ConceptMatch concept(int q, String id, String answer) {
        return GRADER.evaluate(q, answer).concepts().stream().filter(c -> c.concept().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void negationFarFromTheTermInItsClauseCounts() {
        // correct negation: the queue is denied, which is the claim no_queue
        assertThat(concept(1, "no_queue", "Ни одному запросу не приходится стоять в очереди, их отправляют по одному.").matched()).isTrue();
        assertThat(concept(1, "no_queue", "Очереди нет, процессор простаивает.").matched()).isTrue();
        // «не справляется» is a claim of overload, not its negation
        assertThat(concept(2, "overload", "Сервер не справляется, запросы копятся.").matched()).isTrue();
        assertThat(concept(2, "overload", "Сервер справляется, всё стабильно.").denied()).isTrue();
        // negation stays in its clause: the second clause is positive
        assertThat(concept(2, "latency_grows", "Ошибок нет, но время ответа растёт.").matched()).isTrue();
        // negation of the first of two coordinated predicates does not reach the second
        assertThat(concept(5, "bottleneck", "БД не масштабируется и тормозит всю систему.").matched()).isTrue();
    }

    @Test
    void negatedSubjectIsADenialNotEvidence() {
        ConceptMatch db = concept(5, "database", "База данных тут ни при чём, просто Django медленный.");
        assertThat(db.matched()).isFalse();
        assertThat(db.negated()).anySatisfy(n -> assertThat(n).contains("ни при чём"));
        assertThat(concept(5, "database", "Проблема не в базе.").denied()).isTrue();
        assertThat(concept(5, "database", "База данных не является узким местом.").matched()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"очередь, задержка, перегрузка, ошибки", "queue latency overload errors", "- база данных\n- узкое место",
            "предел и очередь и процессор", "мало запросов нет очереди ресурсы", "очередь - задержка - ресурсы"})
    void keywordListsAreNotAnswers(String answer) {
        assertThat(KeywordList.isList(answer, ANALYZER.tokenize(answer))).as(answer).isTrue();
        assertThat(GRADER.grade(2, answer).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(GRADER.grade(2, answer).message()).contains("перечень слов");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Нагрузки нет — очереди нет.", "БД — узкое место.", "Запросы ждут в очереди.", "Few requests, no queue.",
            "Очередь + latency ↑.", "Насыщение."})
    void shortStatementsAreNotKeywordLists(String answer) {
        assertThat(KeywordList.isList(answer, ANALYZER.tokenize(answer))).as(answer).isFalse();
    }

    @Test
    void theComponentBlamedDecides() {
        CheckOutcome nginx = GRADER.grade(5, "Узким местом становится nginx, а база данных работает быстро.");
        assertThat(nginx.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(nginx.message()).contains("причина названа неверно").contains("nginx");
        AnswerEvaluation grafana = GRADER.evaluate(3, "Grafana не успевает рисовать.");
        assertThat(grafana.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(grafana.wrongCauses()).containsExactly("Grafana не успевает рисовать");
        // the claim made of the wrong component is not credited
        AnswerEvaluation q2 = GRADER.evaluate(2, "Задержка растёт, потому что nginx не справляется.");
        assertThat(q2.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(q2.concepts()).anySatisfy(c -> assertThat(c.misattributed()).isNotEmpty());
        // naming a component is not blaming it: the database is the subject here
        assertThat(GRADER.grade(5, "Because the single database becomes the bottleneck for all Django containers.").status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(GRADER.grade(5, "Все три копии Django обращаются к одной базе, и она становится узким местом.").status())
                .isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void answerContradictingTheReportsRunsGoesToTheTeacherWithBothNumbers() {
        String answer = "Requests/sec вырос, потому что nginx распределяет запросы между тремя копиями.";
        CheckOutcome fell = GRADER.grade(4, answer, new RunsClaim.Runs(520.0, 431.5));
        assertThat(fell.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(fell.message()).contains("вырос").contains("520").contains("431,50").contains("упал");
        assertThat(GRADER.grade(4, answer, new RunsClaim.Runs(310.0, 612.0)).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(GRADER.grade(4, "Ничего не изменилось, nginx отправляет всё в одну копию.", new RunsClaim.Runs(310.0, 612.0)).status())
                .isEqualTo(CheckStatus.NEEDS_REVIEW);
        // no runs in the report: nothing to compare
        assertThat(GRADER.grade(4, answer).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void lemmasComeFromTheDictionary() {
        List<Token> t = ANALYZER.tokenize("Упёрлись в базу данных");
        assertThat(t.get(0).lemmas()).contains("упереться");
        assertThat(t.get(2).lemmas()).contains("база");
        assertThat(t.get(0).verb()).isTrue();
        assertThat(concept(3, "capacity_limit", "Упёрлись в потолок.").matched()).isTrue();
        assertThat(concept(5, "database", "Хранилище данных одно.").matched()).isTrue();
    }

    @Test
    void rubricClaimErrorsHaveLineNumbers() {
        String yaml = """
                title: t
                total: 1
                pass_mark: 1
                grade_scale:
                  - {min_points: 0, label: "нет"}
                criteria:
                  - id: a
                    title: A
                    points: 1
                    checks:
                      - id: a.answer1
                        title: one
                        points: 1
                        answer:
                          number: 1
                          question: "Q?"
                          accept_at: 2
                          wrong_causes: []
                          concepts:
                            - id: c
                              title: C
                              says: [растёт]
                              counter: ["не"]
                              claim: x
                """;
        RubricException e = catchThrowableOfType(RubricException.class, () -> RubricLoader.parse(yaml, "r.yaml", null));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("criteria[0].checks[0].answer.accept_at (строка 17)"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("criteria[0].checks[0].answer.wrong_causes (строка 18)"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("criteria[0].checks[0].answer.concepts[0].says (строка 22)")
                .contains("about"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("criteria[0].checks[0].answer.concepts[0].counter[0] (строка 23)"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("criteria[0].checks[0].answer.concepts[0].claim (строка 24)")
                .contains("неизвестный ключ"));
    }

    @Test
    void publicRubricWithoutAnswerKeyGivesFormFeedbackOnly() {
        String yaml = """
                title: t
                total: 1
                pass_mark: 1
                grade_scale:
                  - {min_points: 0, label: "нет"}
                criteria:
                  - id: a
                    title: A
                    points: 1
                    checks:
                      - id: a.answer1
                        title: one
                        points: 1
                        answer:
                          number: 1
                          question: "Почему приложение работает быстро без нагрузки?"
                """;
        Rubric pub = RubricLoader.parse(yaml, "public.yaml", null);
        AnswerGrader g = new AnswerGrader(pub);
        CheckOutcome o = g.grade(1, "Запросов мало, очереди нет.");
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.message()).contains("оценит преподаватель").doesNotContain("очеред");
        assertThat(g.grade(1, "").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(g.grade(1, "Почему приложение работает быстро без нагрузки?").message()).contains("повторяет");
    }
}
