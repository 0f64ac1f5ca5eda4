package ru.mpgu.lab.answers.legacy;

import ru.mpgu.lab.rubric.AnswerSpec;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Concept;
import ru.mpgu.lab.rubric.Rubric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Legacy (keyword) grader, kept in test scope only for bench/answers-benchmark.sh.
 *
 * Grades the written answer to a lab question against the concepts in rubric.yaml.
 * Borderline cases (partial match, negation, too short/long, copy of the question) become
 * {@link CheckStatus#NEEDS_REVIEW} with provisional points, never a silent fail.
 */
public final class AnswerGrader {

    /** Share of an answer's words that may come from the question before it counts as a copy. */
    private static final double COPY_SHARE = 0.8;

    private final Rubric rubric;
    private final Map<Integer, ConceptMatcher> matchers = new HashMap<>();
    private final TextAnalyzer analyzer = new TextAnalyzer();

    public AnswerGrader(Rubric rubric) {
        this.rubric = rubric;
    }

    /** Check id of question {@code number}, e.g. 5 → {@code explanation.answer5}. */
    public String checkId(int number) {
        return checkFor(number).id();
    }

    /** Grades answer {@code number} (1..5). {@code answerText} may be null or blank. */
    public CheckOutcome grade(int number, String answerText) {
        Check check = checkFor(number);
        AnswerSpec spec = check.answer();
        AnswerEvaluation ev = evaluate(number, answerText);
        String id = check.id();
        if (ev.empty()) {
            return CheckOutcome.failed(id, "Ответ на вопрос " + number + " не заполнен. Впишите его в report/REPORT.md под заголовком «## Ответ "
                    + number + "» (вопрос: «" + spec.question() + "»).");
        }
        List<String> details = details(ev);
        if (ev.copyOfQuestion()) {
            return CheckOutcome.review(id, 0, "Ответ на вопрос " + number
                    + " повторяет сам вопрос. Напишите объяснение своими словами; преподаватель проверит ответ вручную.").withDetails(details);
        }
        double credit = ev.fraction() + 1e-9 >= spec.fullCreditAt() ? 1.0 : ev.fraction();
        String found = "Найдено ключевых мыслей: " + countMatched(ev) + " из " + ev.concepts().size() + ".";
        if (!ev.reviewReasons().isEmpty()) {
            return CheckOutcome.review(id, credit, "Ответ на вопрос " + number + " проверит преподаватель: "
                    + String.join("; ", ev.reviewReasons()) + ". Баллы поставлены предварительно. " + found).withDetails(details);
        }
        if (credit >= 1.0) {
            return new CheckOutcome(id, CheckStatus.PASSED, 1, "Ответ на вопрос " + number + " засчитан. " + found, details);
        }
        if (credit > 0) {
            return new CheckOutcome(id, CheckStatus.PARTIAL, credit, "Ответ на вопрос " + number + " засчитан частично. " + found
                    + " Допишите недостающее (список ниже).", details);
        }
        return new CheckOutcome(id, CheckStatus.FAILED, 0, "В ответе на вопрос " + number
                + " не найдено ни одной ключевой мысли. Если вы считаете, что ответ верный, покажите его преподавателю.", details);
    }

    /** Grades all answers of the rubric (questions 1..5) as written in the report. */
    public List<CheckOutcome> gradeAll(ru.mpgu.lab.report.LabReport report) {
        List<CheckOutcome> out = new ArrayList<>();
        rubric.allChecks().filter(c -> c.answer() != null).forEach(c -> {
            int n = c.answer().number();
            if (!report.readable()) {
                String why = report.problems().isEmpty() ? "" : " " + report.problems().get(0).message();
                out.add(CheckOutcome.failed(c.id(), "Ответ на вопрос " + n + " не проверен: файл отчёта не прочитан." + why));
            } else {
                out.add(grade(n, report.answer(n)));
            }
        });
        return out;
    }

    public AnswerEvaluation evaluate(int number, String answerText) {
        AnswerSpec spec = checkFor(number).answer();
        String text = answerText == null ? "" : answerText;
        List<Token> tokens;
        synchronized (analyzer) {
            tokens = analyzer.tokenize(text);
        }
        int words = (int) tokens.stream().filter(t -> t.norm().chars().anyMatch(Character::isLetter)).count();
        List<ConceptMatch> matches = matcher(number, spec).match(text);
        double weight = spec.totalWeight();
        double got = matches.stream().filter(ConceptMatch::matched).mapToDouble(m -> m.concept().weight()).sum();
        double fraction = weight <= 0 ? 0 : got / weight;
        boolean copy = words > 0 && isCopy(tokens, spec.question());

        List<String> reasons = new ArrayList<>();
        List<String> negations = matches.stream().flatMap(m -> m.negated().stream()).distinct().toList();
        if (!negations.isEmpty()) {
            reasons.add("найдено отрицание: «" + String.join("», «", negations) + "» - такое упоминание не засчитано автоматически");
        }
        if (words > 0 && words < spec.minWords()) {
            reasons.add("ответ очень короткий (" + words + " " + wordForm(words) + ", нужно хотя бы " + spec.minWords() + ")");
        }
        if (words > spec.maxWords()) {
            reasons.add("ответ очень длинный (" + words + " слов, ожидается не больше " + spec.maxWords() + ")");
        }
        if (fraction + 1e-9 >= spec.reviewFrom() && fraction + 1e-9 < spec.fullCreditAt()) {
            reasons.add("найдена только часть ключевых мыслей");
        }
        return new AnswerEvaluation(number, matches, fraction, words, copy, copy ? List.of("ответ повторяет вопрос") : reasons);
    }

    private boolean isCopy(List<Token> answer, String question) {
        Set<String> q = new HashSet<>();
        synchronized (analyzer) {
            analyzer.tokenize(question).forEach(t -> q.add(t.stem()));
        }
        long fromQuestion = answer.stream().filter(t -> q.contains(t.stem())).count();
        long other = answer.size() - fromQuestion;
        return fromQuestion >= COPY_SHARE * answer.size() && other <= 2;
    }

    private List<String> details(AnswerEvaluation ev) {
        List<String> out = new ArrayList<>();
        for (ConceptMatch m : ev.concepts()) {
            Concept c = m.concept();
            if (m.matched()) {
                out.add("[есть] " + c.title() + " - найдено: «" + String.join("», «", m.evidence()) + "»");
            } else if (!m.negated().isEmpty()) {
                out.add("[отрицание] " + c.title() + " - найдено с отрицанием: «" + String.join("», «", m.negated())
                        + "»; если вы имели в виду обратное, переформулируйте");
            } else {
                out.add("[нет] " + c.title());
            }
        }
        return out;
    }

    private static long countMatched(AnswerEvaluation ev) {
        return ev.concepts().stream().filter(ConceptMatch::matched).count();
    }

    private static String wordForm(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "слов";
        }
        return mod10 == 1 ? "слово" : (mod10 >= 2 && mod10 <= 4 ? "слова" : "слов");
    }

    private synchronized ConceptMatcher matcher(int number, AnswerSpec spec) {
        return matchers.computeIfAbsent(number, n -> new ConceptMatcher(spec.concepts()));
    }

    private Check checkFor(int number) {
        return rubric.answerCheck(number).orElseThrow(() -> new IllegalArgumentException(
                String.format(Locale.ROOT, "В rubric.yaml нет проверки ответа на вопрос %d", number)));
    }
}
