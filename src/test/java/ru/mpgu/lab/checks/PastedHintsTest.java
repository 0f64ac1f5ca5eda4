package ru.mpgu.lab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.template.PublicRubric;

/**
 * The hints the old self-check printed were the expected answers. Pasted as answers they earn no content
 * credit: the student's self-check grades only the form, the teacher's side gives 0 and «проверит преподаватель».
 */
class PastedHintsTest {

    static final Rubric TEACHER = RubricLoader.load(Path.of("rubric.yaml"));
    /** The five «Как исправить» hints of answers 1–5 before issue 16, verbatim. */
    static final List<String> OLD_HINTS = PublishedHints.texts(TEACHER);

    @Test
    void theOldHintsAreKnown() {
        assertThat(OLD_HINTS).hasSize(5);
        assertThat(OLD_HINTS.get(4)).isEqualTo("Главная мысль: база данных остаётся одна на все копии Django и становится узким местом.");
    }

    @Test
    void teacherSideGivesNoAutomaticCreditToAPastedHint() {
        for (int q = 1; q <= 5; q++) {
            Check check = TEACHER.answerCheck(q).orElseThrow();
            String pasted = OLD_HINTS.get(q - 1);
            CheckOutcome byConcepts = new AnswerGrader(TEACHER).grade(q, pasted);
            assertThat(byConcepts.fraction()).as("the old hint %d alone would have earned points", q).isPositive();
            CheckOutcome screened = PublishedHints.screen(TEACHER, check, pasted, byConcepts);
            assertThat(screened.status()).as("answer %d", q).isEqualTo(CheckStatus.NEEDS_REVIEW);
            assertThat(screened.fraction()).isZero();
            assertThat(screened.message()).contains("оценит преподаватель");
        }
    }

    @Test
    void aHintWithAFewWordsChangedIsStillCaughtButAnOwnAnswerIsNot() {
        Check check = TEACHER.answerCheck(5).orElseThrow();
        String edited = "Главная мысль такая: база данных остаётся одна на все копии Django и становится узким местом системы.";
        assertThat(PublishedHints.screen(TEACHER, check, edited, new AnswerGrader(TEACHER).grade(5, edited)).fraction()).isZero();
        String own = "При трёх копиях web db в docker stats показывала 48 % при лимите 0,5 ядра: PostgreSQL одна на всех "
                + "и упирается в свой процессор, поэтому Requests/sec выросли только в 1,4 раза.";
        CheckOutcome graded = new AnswerGrader(TEACHER).grade(5, own);
        assertThat(PublishedHints.screen(TEACHER, check, own, graded)).isEqualTo(graded);
    }

    @Test
    void studentSelfCheckGradesOnlyTheForm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.yaml");
        PublicRubric.write(Path.of("rubric.yaml"), file);
        Rubric pub = RubricLoader.load(file);
        assertThat(Files.exists(dir.resolve(PublishedHints.FILE))).isFalse();
        for (int q = 1; q <= 5; q++) {
            CheckOutcome o = AnswerForm.feedback(pub.answerCheck(q).orElseThrow(), OLD_HINTS.get(q - 1));
            assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
            assertThat(o.status().russian()).isEqualTo("проверит преподаватель");
            assertThat(o.fraction()).isZero();
            assertThat(o.message()).contains("содержание оценит преподаватель");
        }
        Check a1 = pub.answerCheck(1).orElseThrow();
        assertThat(AnswerForm.feedback(a1, "").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(AnswerForm.feedback(a1, "Почему приложение работает быстро без нагрузки?").message()).contains("повторяет сам вопрос");
        // the conclusion asks for at least 12 words: a terse one is sent back on form alone
        Check conclusion = pub.answerCheck(6).orElseThrow();
        assertThat(AnswerForm.feedback(conclusion, "Потому что быстро.").message()).contains("слишком короткий");
    }

    @Test
    void noStudentMessageOfTheFormCheckNamesAConcept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.yaml");
        PublicRubric.write(Path.of("rubric.yaml"), file);
        Rubric pub = RubricLoader.load(file);
        for (int q = 1; q <= 6; q++) {
            Check teacherCheck = TEACHER.answerCheck(q).orElseThrow();
            for (String text : List.of("", "Потому что.", "Сервер работает быстро, потому что так устроен этот стенд у меня на ноутбуке.")) {
                String message = AnswerForm.feedback(pub.answerCheck(q).orElseThrow(), text).message().toLowerCase();
                teacherCheck.answer().concepts().forEach(c -> assertThat(message).doesNotContain(c.title().toLowerCase()));
            }
        }
    }
}
