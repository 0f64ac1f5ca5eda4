package ru.mpgu.lab.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import ru.mpgu.lab.rubric.AnswerSpec;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * The student's self-check has no answer key: it checks only the form of a written answer (filled in, long
 * enough, not a copy of the question) and says that the teacher grades its content.
 */
final class AnswerForm {

    /** Share of an answer's words taken from the question above which it is a copy of the question. */
    private static final double COPY_SHARE = 0.8;

    private AnswerForm() {
    }

    static CheckOutcome feedback(Check check, String text) {
        AnswerSpec spec = check.answer();
        String what = spec.number() == ru.mpgu.lab.report.ReportParser.CONCLUSION ? "Вывод" : "Ответ на вопрос " + spec.number();
        List<String> words = words(text);
        if (words.isEmpty()) {
            return CheckOutcome.failed(check.id(), what + " не заполнен.");
        }
        Set<String> question = Set.copyOf(words(spec.question()));
        long copied = words.stream().filter(question::contains).count();
        if (copied >= COPY_SHARE * words.size() && words.size() - copied <= 2) {
            return CheckOutcome.failed(check.id(), what + " повторяет сам вопрос: напишите объяснение своими словами.");
        }
        if (words.size() < spec.minWords()) {
            return CheckOutcome.failed(check.id(), what + " слишком короткий: " + words.size() + " сл., нужно хотя бы "
                    + spec.minWords() + ". Объясните подробнее, со ссылкой на свои измерения.");
        }
        String length = words.size() > spec.maxWords()
                ? " Он длиннее " + spec.maxWords() + " слов: сократите до главного." : "";
        return CheckOutcome.review(check.id(), 0, what + " заполнен (" + words.size() + " сл.)." + length
                + " Его содержание оценит преподаватель: самопроверка баллов за смысл ответа не ставит.");
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.chars().anyMatch(Character::isLetter))
                .collect(Collectors.toList());
    }
}
