package ru.mpgu.lab.answers;

import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.rubric.AnswerSpec;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Concept;
import ru.mpgu.lab.rubric.Rubric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grades the written answer to a lab question by the claims it makes (rubric.yaml, {@code answer.concepts}):
 * clause by clause, with Russian lemmas, negation per clause, the component named as the cause, keyword lists
 * and the student's own runs. A wrong answer never passes silently: what cannot be decided goes to the teacher.
 */
public final class AnswerGrader {

    /** Share of an answer's words that may come from the question before it counts as a copy. */
    private static final double COPY_SHARE = 0.8;
    /** Words that blame a component for something («Grafana не успевает», «Python медленный», «nginx кэширует»). */
    private static final List<String> BLAME = List.of("узкое место", "bottleneck", "тормозить", "медленный", "медленно", "виноват*",
            "успевать", "справляться", "ограничивать", "ограничить", "ограничен*", "падать", "упасть", "кэшировать", "кэш*", "ускорять", "ускорить",
            "быстрый", "быстро", "быстрее", "опрашивать", "обновлять", "рисовать", "уметь", "собирать", "перегрузить", "перегружать",
            "перегружен*", "мочь", "создавать", "слабый", "slow", "fast", "cache*", "из-за", "потому");

    private final Rubric rubric;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final ClaimMatcher matcher = new ClaimMatcher(analyzer);
    private final RunsClaim runsClaim = new RunsClaim(matcher);
    private final List<ClaimMatcher.Phrase> blame = matcher.compile(BLAME);
    private final Map<Integer, Compiled> compiled = new HashMap<>();

    private record Compiled(List<ClaimMatcher.CompiledConcept> concepts, List<ClaimMatcher.Phrase> wrongCauses) {
    }

    public AnswerGrader(Rubric rubric) {
        this.rubric = rubric;
    }

    /** Check id of question {@code number}, e.g. 5 → {@code explanation.answer5}. */
    public String checkId(int number) {
        return checkFor(number).id();
    }

    public CheckOutcome grade(int number, String answerText) {
        return grade(number, answerText, RunsClaim.Runs.NONE);
    }

    /** Grades answer {@code number} (1..5); {@code runs} are the report's Requests/sec, for answers that talk about them. */
    public CheckOutcome grade(int number, String answerText, RunsClaim.Runs runs) {
        Check check = checkFor(number);
        AnswerSpec spec = check.answer();
        AnswerEvaluation ev = evaluate(number, answerText, runs);
        String id = check.id();
        String q = "Ответ на вопрос " + number;
        if (ev.empty()) {
            return CheckOutcome.failed(id, q + " не заполнен. Впишите его в report/REPORT.md под заголовком «## Ответ "
                    + number + "» (вопрос: «" + spec.question() + "»).");
        }
        List<String> details = details(ev);
        if (ev.copyOfQuestion()) {
            return new CheckOutcome(id, CheckStatus.FAILED, 0, q + " повторяет сам вопрос. Напишите объяснение своими словами.", details);
        }
        if (ev.keywordList()) {
            return new CheckOutcome(id, CheckStatus.FAILED, 0, q + " - перечень слов, а не объяснение: в нём нет утверждения."
                    + " Напишите, что происходит и почему, целыми предложениями.", details);
        }
        if (ev.noStatement()) {
            return new CheckOutcome(id, CheckStatus.FAILED, 0, q + ": в нём только вопросы или указания («посмотрите…»,"
                    + " «нужно…»), нет утверждения. Ответьте целыми предложениями: что происходит и почему.", details);
        }
        if (!spec.hasKey()) {
            return CheckOutcome.review(id, 0, q + " заполнен (" + ev.wordCount() + " " + wordForm(ev.wordCount())
                    + "). Его содержание оценит преподаватель.");
        }
        double credit = ev.verdict() == Verdict.ACCEPT ? 1.0 : Math.min(ev.fraction(), 0.9);
        String found = "Найдено утверждений: " + countMatched(ev) + " из " + ev.concepts().size() + ".";
        return switch (ev.verdict()) {
            case REVIEW -> CheckOutcome.review(id, credit, q + " проверит преподаватель: " + String.join("; ", ev.reviewReasons())
                    + ". Баллы поставлены предварительно. " + found).withDetails(details);
            case ACCEPT -> new CheckOutcome(id, CheckStatus.PASSED, 1, q + " засчитан. " + found, details);
            case PARTIAL -> new CheckOutcome(id, CheckStatus.PARTIAL, Math.max(credit, 0.1), q + " засчитан частично. " + found
                    + (ev.wrongCauses().isEmpty() ? "" : " Причина названа неверно: «" + String.join("», «", ev.wrongCauses()) + "».")
                    + " Допишите недостающее (список ниже).", details);
            case REJECT -> new CheckOutcome(id, CheckStatus.FAILED, 0, q + (ev.wrongCauses().isEmpty()
                    ? " не засчитан: в нём нет ни одной из ожидаемых мыслей или они отрицаются."
                    : " не засчитан: причина названа неверно («" + String.join("», «", ev.wrongCauses()) + "»).")
                    + " Если вы считаете, что ответ верный, покажите его преподавателю.", details);
        };
    }

    /** Grades all answers of the rubric (questions 1..5) as written in the report. */
    public List<CheckOutcome> gradeAll(LabReport report) {
        List<CheckOutcome> out = new ArrayList<>();
        RunsClaim.Runs runs = runsOf(report);
        rubric.allChecks().filter(c -> c.answer() != null).forEach(c -> {
            int n = c.answer().number();
            if (!report.readable()) {
                String why = report.problems().isEmpty() ? "" : " " + report.problems().get(0).message();
                out.add(CheckOutcome.failed(c.id(), "Ответ на вопрос " + n + " не проверен: файл отчёта не прочитан." + why));
            } else {
                out.add(grade(n, report.answer(n), runs));
            }
        });
        return out;
    }

    /** Requests/sec of the two runs as the student filled them in. */
    public static RunsClaim.Runs runsOf(LabReport report) {
        return new RunsClaim.Runs(report.oneReplica().numbers().requestsPerSec(), report.threeReplicas().numbers().requestsPerSec());
    }

    public AnswerEvaluation evaluate(int number, String answerText) {
        return evaluate(number, answerText, RunsClaim.Runs.NONE);
    }

    public AnswerEvaluation evaluate(int number, String answerText, RunsClaim.Runs runs) {
        AnswerSpec spec = checkFor(number).answer();
        String text = answerText == null ? "" : answerText;
        List<Token> all = analyzer.tokenize(text);
        int words = (int) all.stream().filter(AnswerGrader::isWord).count();
        boolean copy = words > 0 && isCopy(all, spec.question());
        boolean list = words > 0 && KeywordList.isList(text, all);
        List<Token> tokens = statements(text, all);
        boolean noStatement = words > 0 && tokens.stream().noneMatch(AnswerGrader::isWord);
        Compiled c = compiled(number, spec);

        // Clauses that name a wrong component as the cause: claims made there are not credited.
        Set<Integer> wrongClauses = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        List<ClaimMatcher.Hit> blames = matcher.find(blame, tokens);
        // the clauses where the answer names a component the key is about («база данных»): there it is the subject
        Set<Integer> keyClauses = new HashSet<>();
        for (ClaimMatcher.CompiledConcept cc : c.concepts()) {
            if (cc.says().isEmpty()) {
                matcher.find(cc.about(), tokens).stream().filter(ClaimMatcher.Hit::holds).forEach(h -> keyClauses.add(h.clause()));
            }
        }
        for (ClaimMatcher.Hit h : matcher.find(c.wrongCauses(), tokens)) {
            if (h.negated() || keyClauses.contains(h.clause())) {
                continue;
            }
            boolean blamed = blames.stream().anyMatch(b -> b.clause() == h.clause() && b.start() != h.start());
            if (blamed) {
                wrongClauses.add(h.clause());
                wrong.add(clauseText(text, tokens, h.clause()));
            }
        }

        // «база данных не является узким местом»: where a claim is denied, its subject named there is no evidence either
        Set<Integer> deniedClauses = new HashSet<>();
        for (ClaimMatcher.CompiledConcept cc : c.concepts()) {
            matcher.find(cc.terms(), tokens).stream().filter(h -> !h.holds()).forEach(h -> deniedClauses.add(h.clause()));
            matcher.find(cc.counter(), tokens).stream().filter(ClaimMatcher.Hit::holds).forEach(h -> deniedClauses.add(h.clause()));
        }
        List<ConceptMatch> matches = new ArrayList<>();
        for (ClaimMatcher.CompiledConcept cc : c.concepts()) {
            matches.add(match(cc, text, tokens, wrongClauses, cc.says().isEmpty() && cc.terms().isEmpty() ? deniedClauses : Set.of()));
        }
        double weight = spec.totalWeight();
        double got = matches.stream().filter(ConceptMatch::matched).mapToDouble(m -> m.concept().weight()).sum();
        double fraction = weight <= 0 ? 0 : got / weight;
        boolean denied = matches.stream().anyMatch(ConceptMatch::denied);
        String conflict = spec.compareRuns() ? runsClaim.conflict(tokens, runs) : null;

        List<String> reasons = new ArrayList<>();
        Verdict verdict;
        if (words == 0 || copy || list || noStatement) {
            verdict = Verdict.REJECT;
        } else if (!spec.hasKey()) {
            verdict = Verdict.REVIEW;
            reasons.add("в критериях нет ключа ответа");
        } else if (conflict != null) {
            verdict = Verdict.REVIEW;
            reasons.add(conflict);
        } else if (words > spec.maxWords()) {
            verdict = Verdict.REVIEW;
            reasons.add("ответ очень длинный (" + words + " слов, ожидается не больше " + spec.maxWords() + ")");
        } else if (!wrong.isEmpty()) {
            verdict = got > 0 && !denied ? Verdict.PARTIAL : Verdict.REJECT;
        } else if (fraction + 1e-9 >= spec.fullCreditAt()) {
            if (denied) {
                verdict = Verdict.REVIEW;
                reasons.add("ответ и утверждает ожидаемое, и отрицает: «" + String.join("», «",
                        matches.stream().filter(ConceptMatch::denied).flatMap(m -> m.negated().stream()).toList()) + "»");
            } else {
                verdict = Verdict.ACCEPT;
            }
        } else if (got > 0) {
            verdict = Verdict.PARTIAL;
        } else {
            verdict = Verdict.REJECT;
        }
        String hedge = hedge(tokens);
        if (hedge != null && (verdict == Verdict.ACCEPT || verdict == Verdict.PARTIAL)) {
            verdict = Verdict.REVIEW; // the student is not sure: a teacher decides, the key does not pass it silently
            reasons.add("ответ неуверенный («" + hedge + "»)");
        }
        return new AnswerEvaluation(number, matches, fraction, words, copy, list, noStatement, wrong, conflict, verdict, reasons);
    }

    private ConceptMatch match(ClaimMatcher.CompiledConcept cc, String text, List<Token> tokens, Set<Integer> wrongClauses,
                               Set<Integer> voided) {
        Set<String> evidence = new LinkedHashSet<>();
        Set<String> negated = new LinkedHashSet<>();
        Set<String> misattributed = new LinkedHashSet<>();
        List<ClaimMatcher.Hit> claimHits = new ArrayList<>(matcher.find(cc.terms(), tokens));
        if (!cc.about().isEmpty()) {
            List<ClaimMatcher.Hit> about = matcher.find(cc.about(), tokens);
            if (cc.says().isEmpty()) {
                claimHits.addAll(about);
            } else {
                List<ClaimMatcher.Hit> says = matcher.find(cc.says(), tokens);
                for (ClaimMatcher.Hit s : says) {
                    about.stream().filter(a -> a.clause() == s.clause() && (a.end() < s.start() || a.start() > s.end())).findFirst()
                            // quote subject and predicate together: «Запросов в секунду стало больше»
                            .map(a -> new ClaimMatcher.Hit(s.phrase(), Math.min(a.start(), s.start()), Math.max(a.end(), s.end()), s.clause(), s.negated()))
                            .or(() -> about.stream().anyMatch(a -> a.clause() == s.clause() - 1 && startsWithPronoun(tokens, s.clause()))
                                    ? java.util.Optional.of(s) : java.util.Optional.empty())
                            .ifPresent(claimHits::add);
                }
                // «Страница открылась, таблица тоже»: the predicate of the previous clause
                for (ClaimMatcher.Hit a : about) {
                    if (hasWord(tokens, a.clause(), ELLIPSIS)) {
                        says.stream().filter(s -> s.clause() == a.clause() - 1 && s.holds()).findFirst()
                                .ifPresent(s -> claimHits.add(new ClaimMatcher.Hit(s.phrase(), a.start(), a.end(), a.clause(), false)));
                    }
                }
            }
        }
        Set<Integer> countered = new HashSet<>();
        for (ClaimMatcher.Hit h : matcher.find(cc.counter(), tokens)) {
            if (h.holds()) {
                negated.add(clauseText(text, tokens, h.clause()));
                countered.add(h.clause());
            }
        }
        claimHits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (ClaimMatcher.Hit h : claimHits) {
            String quote = ClaimMatcher.quote(text, tokens, h);
            if (!h.holds() || countered.contains(h.clause()) || voided.contains(h.clause())) {
                negated.add(clauseText(text, tokens, h.clause()));
            } else if (wrongClauses.contains(h.clause())) {
                misattributed.add(quote);
            } else if (evidence.stream().noneMatch(e -> e.contains(quote))) {
                evidence.removeIf(quote::contains);
                evidence.add(quote);
            }
        }
        // a claim made and also denied elsewhere stays made; the denial is reported
        return new ConceptMatch(cc.concept(), new ArrayList<>(evidence), new ArrayList<>(negated), new ArrayList<>(misattributed));
    }

    private static boolean isWord(Token t) {
        return t.norm().chars().anyMatch(Character::isLetter);
    }

    /** Where a sentence ends, after its last word: closing quotes and brackets may stand before the mark. */
    private static final String CLOSERS = "»\"')]” \t";

    /** Words that may open a clause before its predicate: «а нужно…», «и посмотрите…». */
    private static final Set<String> OPENERS = Set.of("и", "а", "но", "то", "просто", "сначала", "потом", "затем", "также", "еще", "вам", "вы");

    /**
     * The words of the answer's statements. A question claims nothing («Почему база одна?»), and neither does an
     * instruction («Посмотрите на пропускную способность», «Нужно найти узкое место»): their words are not evidence.
     * A pasted list of control questions or of the lab's goals names every concept and answers none.
     */
    static List<Token> statements(String text, List<Token> tokens) {
        Set<Integer> directives = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        for (Token t : tokens) {
            if (seen.contains(t.clause()) || OPENERS.contains(t.norm())) {
                continue;
            }
            seen.add(t.clause());
            if (t.directive()) {
                directives.add(t.clause());
            }
        }
        List<Token> asserted = directives.isEmpty() ? tokens : tokens.stream().filter(t -> !directives.contains(t.clause())).toList();
        return withoutQuestions(text, asserted);
    }

    private static List<Token> withoutQuestions(String text, List<Token> tokens) {
        Map<Integer, Integer> sentenceEnd = new HashMap<>();
        tokens.forEach(t -> sentenceEnd.merge(t.sentence(), t.end(), Math::max));
        Set<Integer> questions = new HashSet<>();
        sentenceEnd.forEach((sentence, end) -> {
            int i = end;
            while (i < text.length() && CLOSERS.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '?') {
                questions.add(sentence);
            }
        });
        return questions.isEmpty() ? tokens : tokens.stream().filter(t -> !questions.contains(t.sentence())).toList();
    }

    /** Words by which the student says they are not sure («не знаю», «наверное»). */
    private static final List<List<String>> HEDGES = List.of(List.of("не", "знаю"), List.of("не", "уверен"), List.of("не", "уверена"),
            List.of("мне", "кажется"), List.of("наверное"), List.of("наверно"), List.of("видимо"), List.of("вероятно"),
            List.of("по", "моему"), List.of("not", "sure"), List.of("maybe"), List.of("perhaps"));
    /**
     * Hedges only when they are a clause of their own, set off by a comma: «Может быть, база…», «Кажется, база…»; but
     * «ошибок может быть много» and «может быть таймаут» say what can happen.
     */
    private static final List<List<String>> PARENTHETICAL_HEDGES = List.of(List.of("может", "быть"), List.of("может"), List.of("кажется"));

    /** The first hedge of the answer, as written, or null. */
    private static String hedge(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (List<String> h : PARENTHETICAL_HEDGES) {
                if (startsWith(tokens, i, h) && wholeClause(tokens, i, h.size())) {
                    return String.join(" ", tokens.subList(i, i + h.size()).stream().map(Token::original).toList());
                }
            }
            for (List<String> h : HEDGES) {
                if (startsWith(tokens, i, h)) {
                    return String.join(" ", tokens.subList(i, i + h.size()).stream().map(Token::original).toList());
                }
            }
        }
        return null;
    }

    private static boolean wholeClause(List<Token> tokens, int from, int length) {
        int clause = tokens.get(from).clause();
        return (from == 0 || tokens.get(from - 1).clause() != clause)
                && (from + length == tokens.size() || tokens.get(from + length).clause() != clause);
    }

    private static boolean startsWith(List<Token> tokens, int from, List<String> words) {
        if (from + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(from + k).norm().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> ELLIPSIS = Set.of("тоже", "также", "too");
    private static final Set<String> PRONOUNS = Set.of("он", "она", "оно", "они", "it", "they");

    private static boolean startsWithPronoun(List<Token> tokens, int clause) {
        return tokens.stream().filter(t -> t.clause() == clause).findFirst().map(t -> PRONOUNS.contains(t.norm())).orElse(false);
    }

    private static boolean hasWord(List<Token> tokens, int clause, Set<String> words) {
        return tokens.stream().anyMatch(t -> t.clause() == clause && words.contains(t.norm()));
    }

    private static String clauseText(String text, List<Token> tokens, int clause) {
        int from = -1;
        int to = -1;
        for (Token t : tokens) {
            if (t.clause() == clause) {
                if (from < 0) {
                    from = t.start();
                }
                to = t.end();
            }
        }
        return from < 0 ? "" : text.substring(from, to).replaceAll("\\s+", " ");
    }

    private boolean isCopy(List<Token> answer, String question) {
        Set<String> q = new HashSet<>();
        analyzer.tokenize(question).forEach(t -> q.add(t.stem()));
        long fromQuestion = answer.stream().filter(t -> q.contains(t.stem())).count();
        long other = answer.size() - fromQuestion;
        if (fromQuestion >= COPY_SHARE * answer.size() && other <= 2) {
            return true;
        }
        // «Почему X? Потому что X.»: after the question's words, only filler
        Set<String> rest = new HashSet<>();
        answer.stream().filter(t -> !q.contains(t.stem())).forEach(t -> rest.add(t.norm()));
        return fromQuestion >= 4 && ECHO_FILLER.containsAll(rest);
    }

    private static final Set<String> ECHO_FILLER = Set.of("потому", "что", "он", "она", "оно", "это", "так", "и", "не", "с", "что-то",
            "то", "при", "происходит", "просто", "все", "всё");

    private List<String> details(AnswerEvaluation ev) {
        List<String> out = new ArrayList<>();
        for (ConceptMatch m : ev.concepts()) {
            Concept c = m.concept();
            if (m.matched()) {
                out.add("[есть] " + c.title() + " - найдено: «" + String.join("», «", m.evidence()) + "»");
            } else if (!m.negated().isEmpty()) {
                out.add("[отрицание] " + c.title() + " - сказано обратное: «" + String.join("», «", m.negated())
                        + "»; если вы имели в виду другое, переформулируйте");
            } else if (!m.misattributed().isEmpty()) {
                out.add("[не о том] " + c.title() + " - сказано о другом компоненте: «" + String.join("», «", m.misattributed()) + "»");
            } else {
                out.add("[нет] " + c.title());
            }
        }
        return out;
    }

    private static long countMatched(AnswerEvaluation ev) {
        return ev.concepts().stream().filter(ConceptMatch::matched).count();
    }

    static String wordForm(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "слов";
        }
        return mod10 == 1 ? "слово" : (mod10 >= 2 && mod10 <= 4 ? "слова" : "слов");
    }

    private synchronized Compiled compiled(int number, AnswerSpec spec) {
        return compiled.computeIfAbsent(number, n -> {
            List<ClaimMatcher.CompiledConcept> cs = new ArrayList<>();
            for (Concept c : spec.concepts()) {
                cs.add(matcher.compile(c));
            }
            return new Compiled(cs, matcher.compile(spec.wrongCauses()));
        });
    }

    private Check checkFor(int number) {
        return rubric.answerCheck(number).orElseThrow(() -> new IllegalArgumentException(
                String.format(Locale.ROOT, "В rubric.yaml нет проверки ответа на вопрос %d", number)));
    }
}
