package ru.mpgu.lab.answers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How alike two answers are: Jaccard similarity of their content lemmas (stems for unknown words), 0..1. */
public final class AnswerSimilarity {

    private static final Set<String> STOP = Set.of("и", "в", "на", "с", "что", "потому", "так", "как", "это", "а", "но", "к", "по",
            "из", "за", "у", "же", "то", "он", "она", "они", "оно", "the", "a", "is", "of", "to", "and");

    private final TextAnalyzer analyzer = new TextAnalyzer();

    /** The set of words an answer is compared by. */
    public Set<String> signature(String text) {
        Set<String> out = new HashSet<>();
        List<Token> tokens = analyzer.tokenize(text);
        for (Token t : tokens) {
            if (STOP.contains(t.norm()) || !t.norm().chars().anyMatch(Character::isLetter)) {
                continue;
            }
            // negation is part of the meaning: «не справляется» differs from «справляется»
            out.add(t.lemmas().isEmpty() ? t.stem() : t.lemmas().stream().sorted().findFirst().orElseThrow());
        }
        return out;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> any = new HashSet<>(a);
        any.addAll(b);
        return (double) both.size() / any.size();
    }
}
