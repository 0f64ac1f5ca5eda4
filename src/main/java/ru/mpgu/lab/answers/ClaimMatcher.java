package ru.mpgu.lab.answers;

import ru.mpgu.lab.rubric.Concept;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the rubric's claims in an analysed answer, clause by clause.
 * A phrase matches when its words (same lemma, or same stem for words the dictionary lacks; «слово*» = prefix)
 * come in order inside one clause with at most {@link #MAX_GAP} words between neighbours.
 * Negation is resolved per clause: a negator anywhere before the phrase in its clause, not separated from it by
 * the claim's subject, negates it («ни одному клиенту не приходит письмо»); so does «нет»/«не» right
 * after it («очереди нет», «быстрее не стало»). A phrase written with a leading «не» holds only when negated
 * («не справляется»).
 */
public final class ClaimMatcher {

    static final int MAX_GAP = 2;

    private static final Set<String> NEGATORS = Set.of("не", "нет", "ни", "нету", "никак", "никогда", "без", "ничуть", "нисколько",
            "not", "no", "never", "without", "cannot", "can't", "isn't", "doesn't", "don't", "aren't", "wasn't", "didn't", "won't", "nothing");
    private static final Set<String> NEGATOR_LEMMAS = Set.of("никакой", "отсутствие", "отсутствовать", "ничто", "ничей",
            "перестать", "переставать");
    private static final Set<String> COORDINATORS = Set.of("и", "или", "and", "or");
    private static final Set<String> SIMPLE_NEGATORS = Set.of("не", "not", "no");
    /** «не только база», «не просто» do not negate. */
    private static final Set<String> NOT_NEGATING_AFTER = Set.of("только", "просто", "лишь", "only", "just");
    /** Words skipped between a phrase and a negator after it: «очереди тоже нет». */
    private static final Set<String> FILLERS = Set.of("тоже", "уже", "совсем", "вообще", "особо", "же", "почти", "тут", "здесь", "там", "при", "этом");

    /** A phrase of the rubric compiled to word matchers. */
    record Phrase(String source, List<Part> parts, boolean needsNegation) {
    }

    record Part(Token word, String prefix) {
        boolean matches(Token t) {
            if (prefix != null) {
                return t.norm().startsWith(prefix);
            }
            return word.sameWord(t) || word.norm().equals(t.norm());
        }
    }

    /** One occurrence of a phrase: token span and whether it was negated in its clause. */
    public record Hit(Phrase phrase, int start, int end, int clause, boolean negated) {
        public boolean holds() {
            return negated == phrase.needsNegation();
        }
    }

    private final TextAnalyzer analyzer;

    public ClaimMatcher(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public List<Phrase> compile(List<String> phrases) {
        List<Phrase> out = new ArrayList<>();
        for (String p : phrases) {
            String s = p.trim();
            boolean neg = false;
            String lower = s.toLowerCase();
            if (lower.startsWith("не ") || lower.startsWith("not ") || lower.startsWith("no ")) {
                neg = true;
                s = s.substring(s.indexOf(' ') + 1).trim();
            }
            boolean prefix = s.endsWith("*");
            List<Token> tokens = new ArrayList<>(analyzer.tokenize(s.replace("*", " ")));
            // «почти не измениться»: the «не» inside a phrase is its polarity, not one of its words
            if (tokens.removeIf(t -> SIMPLE_NEGATORS.contains(t.norm())) && !tokens.isEmpty()) {
                neg = true;
            }
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                parts.add(prefix && i == tokens.size() - 1 ? new Part(t, t.norm()) : new Part(t, null));
            }
            if (!parts.isEmpty()) {
                out.add(new Phrase(p, parts, neg));
            }
        }
        return out;
    }

    /** Every occurrence of every phrase in {@code tokens}. {@code subjects} bound negation: a negator before them is theirs. */
    public List<Hit> find(List<Phrase> phrases, List<Token> tokens) {
        List<Hit> out = new ArrayList<>();
        for (Phrase ph : phrases) {
            for (int s = 0; s < tokens.size(); s++) {
                int e = matchAt(ph, tokens, s);
                if (e >= 0) {
                    out.add(new Hit(ph, s, e, tokens.get(s).clause(), negated(tokens, s, e)));
                }
            }
        }
        // «база данных тут ни при чём»: the longest phrase decides; «база» inside it is not a hit of its own
        List<Hit> longest = new ArrayList<>();
        for (Hit h : out) {
            boolean inside = out.stream().anyMatch(o -> o != h && o.start() <= h.start() && o.end() >= h.end()
                    && (o.end() - o.start()) > (h.end() - h.start()));
            if (!inside) {
                longest.add(h);
            }
        }
        return longest;
    }

    /** End of the phrase starting at {@code start}; a two-word phrase may also come reversed («запросов мало»). */
    static int matchAt(Phrase ph, List<Token> tokens, int start) {
        int e = matchInOrder(ph.parts(), tokens, start);
        if (e < 0 && ph.parts().size() == 2) {
            e = matchInOrder(List.of(ph.parts().get(1), ph.parts().get(0)), tokens, start);
        }
        return e;
    }

    private static int matchInOrder(List<Part> parts, List<Token> tokens, int start) {
        Phrase ph = new Phrase("", parts, false);
        if (!ph.parts().get(0).matches(tokens.get(start))) {
            return -1;
        }
        int pos = start;
        for (int p = 1; p < ph.parts().size(); p++) {
            int found = -1;
            for (int i = pos + 1; i <= pos + 1 + MAX_GAP && i < tokens.size(); i++) {
                if (tokens.get(i).clause() != tokens.get(start).clause()) {
                    break;
                }
                if (ph.parts().get(p).matches(tokens.get(i))) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            pos = found;
        }
        return pos;
    }

    static boolean isNegator(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        boolean neg = NEGATORS.contains(t.norm()) || t.lemmas().stream().anyMatch(NEGATOR_LEMMAS::contains);
        if (neg && i + 1 < tokens.size() && NOT_NEGATING_AFTER.contains(tokens.get(i + 1).norm())) {
            return false;
        }
        return neg;
    }

    /** Negated in its clause: a negator before it (inside the phrase too), or «нет»/«не» right after it. */
    static boolean negated(List<Token> tokens, int start, int end) {
        int clause = tokens.get(start).clause();
        for (int i = start - 1; i >= 0 && tokens.get(i).clause() == clause; i--) {
            if (isNegator(tokens, i)) {
                return true;
            }
            // «не отвечает и падает»: the negation belongs to the first predicate
            if (COORDINATORS.contains(tokens.get(i).norm())) {
                break;
            }
        }
        for (int i = start; i <= end; i++) {
            if (isNegator(tokens, i)) {
                return true;
            }
        }
        for (int i = end + 1; i < tokens.size() && i <= end + 3 && tokens.get(i).clause() == clause; i++) {
            String n = tokens.get(i).norm();
            if (n.equals("нет") || n.equals("нету") || n.equals("ни") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("при")) {
                return true;
            }
            if (n.equals("не") && i + 1 < tokens.size() && tokens.get(i + 1).clause() == clause
                    && tokens.get(i + 1).lemmas().stream().anyMatch(COPULAS::contains)) {
                return true;
            }
            if (!FILLERS.contains(n)) {
                break;
            }
        }
        return false;
    }

    /** «быстрее не стало», «очередь не появляется»: a negated copula after a phrase negates it. */
    private static final Set<String> COPULAS = Set.of("стать", "быть", "являться", "изменяться", "измениться", "появляться", "появиться",
            "возникать", "возникнуть", "образовываться", "образоваться", "становиться");

    /** Text of a hit as the student wrote it. */
    static String quote(String text, List<Token> tokens, Hit h) {
        int from = h.start();
        // «не справляется», not «справляется»: a phrase that holds by its negation is quoted with it
        if (h.phrase().needsNegation()) {
            for (int i = h.start() - 1; i >= 0 && tokens.get(i).clause() == h.clause(); i--) {
                if (isNegator(tokens, i)) {
                    from = i;
                    break;
                }
            }
        }
        return text.substring(tokens.get(from).start(), tokens.get(h.end()).end());
    }

    static Set<Integer> clauses(List<Hit> hits) {
        Set<Integer> out = new LinkedHashSet<>();
        hits.forEach(h -> out.add(h.clause()));
        return out;
    }

    /** Concept helper: the phrases of a concept compiled once. */
    record CompiledConcept(Concept concept, List<Phrase> terms, List<Phrase> about, List<Phrase> says, List<Phrase> counter) {
    }

    CompiledConcept compile(Concept c) {
        return new CompiledConcept(c, compile(c.terms()), compile(c.about()), compile(c.says()), compile(c.counter()));
    }
}
