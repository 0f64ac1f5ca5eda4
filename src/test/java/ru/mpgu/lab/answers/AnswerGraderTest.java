package ru.mpgu.lab.answers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.RubricLoader;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerGraderTest {

    private static final AnswerGrader GRADER = new AnswerGrader(RubricLoader.load(Path.of("rubric.yaml")));

    /** Realistic student answers: question | answer | expected status. */
    @ParameterizedTest(name = "Q{0}: {2} <- {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | Без нагрузки запросов мало, они не ждут в очереди, и ресурсов сервера хватает на каждый запрос. | PASSED
            1 | Потому что приходит один запрос за раз, процессор свободен и запрос обрабатывается сразу. | PASSED
            1 | Запросов мало, поэтому сервер их обрабатывает сразу, без очереди. | PASSED
            1 | Потому что сервер мощный и Django быстрый фреймворк, вот так вот. | FAILED
            1 | Because there are few requests and the server is idle, so every request is processed immediately. | PASSED
            1 | Приложение работает быстро, так как нагрузка маленькая и всё хорошо работает у меня. | PARTIAL
            2 | Запросы начинают вставать в очередь, время ответа растёт, сервер перегружается и может отдавать ошибки. | PASSED
            2 | При росте числа запросов сервер не успевает их обрабатывать, они ждут в очереди, задержка увеличивается. | PASSED
            2 | Сервер начинает медленнее отвечать, потому что запросы ждут своей очереди. | PASSED
            2 | Сервер работает так же, как и раньше, ничего особенного не происходит с ним вообще. | FAILED
            2 | Requests queue up, latency grows, the CPU is overloaded and timeouts appear. | PASSED
            3 | Сервер достиг предела своей пропускной способности: процессор занят полностью, а новые запросы ждут в очереди. | PASSED
            3 | График упирается в потолок, потому что сервер больше не может обработать запросов, лишние ждут в очереди. | PASSED
            3 | Потому что сервер достиг максимума запросов в секунду, больше он не тянет никак. | PARTIAL
            3 | Потому что закончился тест wrk через двадцать секунд и всё остановилось. | FAILED
            4 | Requests/sec вырос примерно в два раза, задержка уменьшилась, потому что Nginx распределяет запросы между тремя контейнерами web, и они работают параллельно. Но не в 3 раза, так как база данных общая. | PASSED
            4 | Стало быстрее, потому что теперь три контейнера и нагрузка распределяется между ними. | PASSED
            4 | Запросов в секунду стало больше, потому что запустили больше контейнеров. | PARTIAL
            4 | База данных та же самая, поэтому ничего особо не поменялось в итоге. | PARTIAL
            4 | Ничего не изменилось, всё осталось так же как было в первый раз у меня. | FAILED
            5 | База данных остаётся одной и может стать узким местом. | PASSED
            5 | Потому что все контейнеры Django обращаются к одной базе данных PostgreSQL, и она становится узким местом всей системы. | PASSED
            5 | Контейнеров стало больше, но база данных одна, и она не справляется с потоком запросов от всех копий. | PASSED
            5 | Потому что БД - узкое место, её мы не масштабировали. | PASSED
            5 | Because the single database becomes the bottleneck for all Django containers. | PASSED
            5 | Потому что все контейнеры работают с одной общей базой данных. | PARTIAL
            5 | Потому что у компьютера ограниченное количество ядер процессора и памяти для контейнеров. | PARTIAL
            5 | Потому что Django медленный и надо переписать всё на Go. | FAILED
            """)
    void realisticAnswers(int question, String answer, CheckStatus expected) {
        CheckOutcome o = GRADER.grade(question, answer);
        assertThat(o.status()).as(o.message() + " " + o.details()).isEqualTo(expected);
        assertThat(o.checkId()).isEqualTo(GRADER.checkId(question));
    }

    /** The defence questions of the методические указания, pasted as an answer: every concept named, none claimed. */
    @Test
    void questionsClaimNothing() {
        String questions = "Во сколько раз выросли Requests/sec при трёх репликах? Почему не втрое? Какой контейнер упирается"
                + " в свой предел CPU при одной реплике, а какой — при трёх? Сколько запросов одновременно обрабатывает одна"
                + " реплика web? Где ждут остальные? Как nginx распределяет запросы между репликами?";
        for (int q = 2; q <= 5; q++) {
            CheckOutcome o = GRADER.grade(q, questions);
            assertThat(o.status()).as(o.message()).isEqualTo(CheckStatus.FAILED);
            assertThat(o.message()).contains("только вопросы или указания");
        }
        // a question the answer then answers: only the statement counts, and it is enough
        assertThat(GRADER.grade(5, "Почему так? База данных остаётся одной и может стать узким местом.").status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(GRADER.grade(5, "Может, база данных одна и она узкое место?» Не знаю.").status()).isEqualTo(CheckStatus.FAILED);
    }

    /** An instruction names what to look at and claims nothing; a statement after it still counts. */
    @Test
    void instructionsClaimNothing() {
        for (String instruction : new String[]{"Посмотрите на пропускную способность и узкое место.",
                "Нужно измерить пропускную способность и найти узкое место.",
                "Определить узкое место системы и обосновать вывод измерениями."}) {
            CheckOutcome o = GRADER.grade(3, instruction);
            assertThat(o.status()).as(instruction + " → " + o.message()).isEqualTo(CheckStatus.FAILED);
        }
        assertThat(GRADER.grade(5, "Нужно масштабировать базу, потому что база данных одна и она становится узким местом.").status())
                .isEqualTo(CheckStatus.PASSED);
    }

    /** «Не знаю, может быть…»: the key may find the words, but a teacher decides. */
    @Test
    void aHedgedAnswerGoesToTheTeacher() {
        CheckOutcome o = GRADER.grade(3, "Я не знаю, может быть из-за пропускной способности или узкого места.");
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.message()).contains("неуверенный").contains("не знаю");
        assertThat(GRADER.grade(5, "Может быть, база данных одна и она становится узким местом.").status())
                .isEqualTo(CheckStatus.NEEDS_REVIEW);
        // «может быть» inside a clause is a claim about what can happen, not a doubt
        assertThat(GRADER.grade(2, "Запросы ждут в очереди, задержка растёт, и ошибок может быть много.").status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(GRADER.grade(2, "Запросы ждут в очереди и задержка растёт. Может быть таймаут.").status())
                .isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void negatedDatabaseBottleneckIsAWrongAnswerAndSaysWhy() {
        CheckOutcome o = GRADER.grade(5, "Увеличение контейнеров помогает, а база данных не является узким местом, она справится.");
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.fraction()).isZero();
        assertThat(o.details()).anySatisfy(d -> assertThat(d).startsWith("[отрицание]").contains("не является узким местом"));
    }

    @Test
    void negationsOfTheKeyFailTheAnswer() {
        assertThat(GRADER.grade(5, "БД не узкое место, дело в чём-то другом внутри системы.").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(GRADER.grade(5, "Дело не в базе, просто контейнеры сами по себе тяжёлые.").status()).isEqualTo(CheckStatus.FAILED);
        CheckOutcome none = GRADER.grade(5, "Тут нет узкого места, просто контейнеров мало запущено сейчас.");
        assertThat(none.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(none.details()).anySatisfy(d -> assertThat(d).contains("нет узкого места"));
        assertThat(GRADER.grade(5, "База данных тут ни при чём, просто Django медленный.").status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void emptyAndPlaceholderAnswersFailWithHowToFix() {
        for (String empty : new String[]{null, "", "   \n  "}) {
            CheckOutcome o = GRADER.grade(3, empty);
            assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(o.message()).contains("не заполнен").contains("## Ответ 3").contains("Почему график перестаёт расти?");
        }
    }

    @Test
    void copyOfTheQuestionFails() {
        CheckOutcome o = GRADER.grade(5, "Почему увеличение числа Django-контейнеров не решает все проблемы системы?");
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.fraction()).isZero();
        assertThat(o.message()).contains("повторяет сам вопрос");
        assertThat(GRADER.grade(1, "Приложение работает быстро без нагрузки.").message()).contains("повторяет");
    }

    @Test
    void terseCorrectAnswerPasses() {
        CheckOutcome o = GRADER.grade(5, "БД — узкое место.");
        assertThat(o.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(o.fraction()).isEqualTo(1.0);
    }

    @Test
    void tooLongAnswerIsReviewed() {
        String answer = "База данных одна и становится узким местом. ".repeat(70);
        CheckOutcome o = GRADER.grade(5, answer);
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.message()).contains("очень длинный");
    }

    @Test
    void feedbackNamesFoundAndMissingIdeas() {
        CheckOutcome o = GRADER.grade(4, "Запросов в секунду стало больше, потому что запустили больше контейнеров.");
        assertThat(o.details()).anySatisfy(d -> assertThat(d).startsWith("[есть]").contains("«Запросов в секунду стало больше»"));
        assertThat(o.details()).anySatisfy(d -> assertThat(d).startsWith("[нет]").contains("Nginx распределяет"));
        assertThat(o.fraction()).isBetween(0.3, 0.5);
    }

    @Test
    void partialPointsAreTheWeightedShare() {
        AnswerEvaluation ev = GRADER.evaluate(5, "Потому что у компьютера ограниченное количество ядер и памяти, это предел.");
        assertThat(ev.fraction()).isCloseTo(1.0 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unknownQuestionIsAProgrammingError() {
        assertThatThrownBy(() -> GRADER.grade(9, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
