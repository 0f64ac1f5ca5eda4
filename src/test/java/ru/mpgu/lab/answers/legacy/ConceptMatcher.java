package ru.mpgu.lab.answers.legacy;

import ru.mpgu.lab.rubric.Concept;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the rubric's concepts in a free-text answer by stems.
 * A term of several words matches when its words come in order inside one clause with at most
 * {@link #MAX_GAP} other words between neighbours. A match preceded by a negation word in the same clause
 * («не является узким местом», «дело не в базе», «нет узкого места») does not count.
 */
public final class ConceptMatcher {

    /** Words allowed between two words of a phrase: «база у нас данных» still is «база данных». */
    static final int MAX_GAP = 2;
    /** How far back (in words) a negation still applies: «не является узким местом» = 2. */
    static final int NEGATION_REACH = 3;

    private static final Set<String> NEGATORS = Set.of("не", "нет", "ни", "никак", "никогда", "нету",
            "not", "no", "never", "isn", "doesn", "don", "aren", "wasn", "won", "cannot");
    /** «не только база» is not a negation. */
    private static final Set<String> NOT_NEGATING_AFTER = Set.of("только", "просто", "лишь", "only", "just");
    /** A negation before these words belongs to another part of the sentence. */
    private static final Set<String> NEGATION_STOPPERS = Set.of("потому", "поэтому", "так", "что", "чем", "because", "so", "since");

    private record Part(String value, boolean prefix) {
    }

    private record Term(String source, List<Part> parts) {
    }

    private record CompiledConcept(Concept concept, List<Term> terms) {
    }

    private final List<CompiledConcept> concepts = new ArrayList<>();
    private final TextAnalyzer analyzer = new TextAnalyzer();

    public ConceptMatcher(List<Concept> concepts) {
        for (Concept c : concepts) {
            List<Term> terms = new ArrayList<>();
            for (String t : c.terms()) {
                Term term = compile(t);
                if (!term.parts().isEmpty()) {
                    terms.add(term);
                }
            }
            this.concepts.add(new CompiledConcept(c, terms));
        }
    }

    private Term compile(String term) {
        boolean prefix = term.trim().endsWith("*");
        List<Token> tokens = analyzer.tokenize(term.replace("*", " "));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean lastPrefix = prefix && i == tokens.size() - 1;
            parts.add(lastPrefix ? new Part(t.norm(), true) : new Part(t.stem(), false));
        }
        return new Term(term, parts);
    }

    /** Matches every concept against {@code text}; synchronized because the stemmers keep state. */
    public synchronized List<ConceptMatch> match(String text) {
        List<Token> tokens = analyzer.tokenize(text);
        List<ConceptMatch> out = new ArrayList<>();
        for (CompiledConcept cc : concepts) {
            List<int[]> positive = new ArrayList<>();
            List<int[]> negative = new ArrayList<>();
            for (Term term : cc.terms()) {
                for (int start = 0; start < tokens.size(); start++) {
                    int end = matchAt(term, tokens, start);
                    if (end < 0) {
                        continue;
                    }
                    int negator = negatorBefore(tokens, start);
                    if (negator >= 0) {
                        negative.add(new int[]{negator, end});
                    } else {
                        positive.add(new int[]{start, end});
                    }
                }
            }
            Set<String> evidence = new LinkedHashSet<>();
            positive.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int[] span : positive) {
                evidence.add(text.substring(tokens.get(span[0]).start(), tokens.get(span[1]).end()));
            }
            Set<String> negated = new LinkedHashSet<>();
            for (int[] span : negative) {
                // «не ждут» as a whole is a term of this concept: its «не» is not a negation of it
                boolean partOfPositive = positive.stream().anyMatch(p -> p[0] <= span[0] && span[0] <= p[1]);
                if (!partOfPositive) {
                    negated.add(text.substring(tokens.get(span[0]).start(), tokens.get(span[1]).end()));
                }
            }
            out.add(new ConceptMatch(cc.concept(), new ArrayList<>(evidence), new ArrayList<>(negated)));
        }
        return out;
    }

    /** Index of the last token of the phrase starting at {@code start}, or -1. */
    private static int matchAt(Term term, List<Token> tokens, int start) {
        if (!partMatches(term.parts().get(0), tokens.get(start))) {
            return -1;
        }
        int pos = start;
        for (int p = 1; p < term.parts().size(); p++) {
            int found = -1;
            for (int i = pos + 1; i <= pos + 1 + MAX_GAP && i < tokens.size(); i++) {
                if (tokens.get(i).clause() != tokens.get(start).clause()) {
                    break;
                }
                if (partMatches(term.parts().get(p), tokens.get(i))) {
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

    private static boolean partMatches(Part part, Token token) {
        return part.prefix() ? token.norm().startsWith(part.value()) : token.stem().equals(part.value());
    }

    /** Index of a negation word shortly before {@code start} in the same clause, or -1. */
    private static int negatorBefore(List<Token> tokens, int start) {
        int clause = tokens.get(start).clause();
        for (int i = start - 1; i >= 0 && i >= start - NEGATION_REACH; i--) {
            Token t = tokens.get(i);
            if (t.clause() != clause || NEGATION_STOPPERS.contains(t.norm())) {
                return -1;
            }
            if (NEGATORS.contains(t.norm())) {
                boolean softened = i + 1 < tokens.size() && NOT_NEGATING_AFTER.contains(tokens.get(i + 1).norm());
                return softened ? -1 : i;
            }
        }
        return -1;
    }
}
