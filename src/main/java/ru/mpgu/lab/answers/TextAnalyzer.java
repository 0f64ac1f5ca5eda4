package ru.mpgu.lab.answers;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Russian/English text into words with lemmas, clause and sentence numbers.
 * Thread-safe: stemmers are per call, the dictionary is shared.
 */
public final class TextAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?|[↑↓×+→%]");
    /** Ends a sentence. */
    private static final String SENTENCE_PUNCT = ".!?\n";
    /** Ends a clause. A dash is not here: in Russian it often stands for "is" («nginx — балансировщик»). */
    private static final String CLAUSE_PUNCT = ",;:()[]«»\"";
    /** Conjunctions that start a new clause: «не база, а сервер», «..., но база одна», «потому что». */
    private static final Set<String> CLAUSE_WORDS = Set.of("но", "а", "однако", "зато", "хотя", "поэтому", "потому", "так", "когда",
            "если", "что", "чтобы", "пока", "but", "however", "although", "because", "so", "since", "while", "when", "that");

    /** Words that, first in a clause, make it an instruction («нужно измерить…»). */
    private static final Set<String> NECESSITY = Set.of("нужно", "надо", "необходимо", "следует", "требуется", "стоит");

    private final Morphology morphology;

    public TextAnalyzer() {
        this(Morphology.shared());
    }

    TextAnalyzer(Morphology morphology) {
        this.morphology = morphology;
    }

    public static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        SnowballStemmer ru = new RussianStemmer();
        SnowballStemmer en = new EnglishStemmer();
        Matcher m = WORD.matcher(text);
        int clause = 0;
        int sentence = 0;
        int last = 0;
        while (m.find()) {
            String original = m.group();
            String norm = normalize(original);
            if (!out.isEmpty()) {
                String gap = text.substring(last, m.start());
                if (breaks(gap, SENTENCE_PUNCT) && !decimalPoint(text, last, m.start())) {
                    sentence++;
                    clause++;
                } else if (breaks(gap, CLAUSE_PUNCT) || CLAUSE_WORDS.contains(norm) && !"так".equals(norm)
                        || "так".equals(norm) && text.regionMatches(true, m.end(), " как", 0, 4)) {
                    clause++;
                }
            }
            String lower = original.toLowerCase(Locale.ROOT);
            Morphology.Analysis a = cyrillic(norm) ? morphology.analyze(lower) : new Morphology.Analysis(Set.of(), englishVerb(norm), false, false);
            out.add(new Token(original, norm, stem(norm, ru, en), a.lemmas(), a.verb(), m.start(), m.end(), clause, sentence,
                    a.imperative() || a.infinitive() || NECESSITY.contains(norm)));
            last = m.end();
        }
        return out;
    }

    private static boolean decimalPoint(String text, int from, int to) {
        return to - from == 1 && text.charAt(from) == '.' && from > 0 && Character.isDigit(text.charAt(from - 1))
                && to < text.length() && Character.isDigit(text.charAt(to));
    }

    /** English has no dictionary here: the verbs students use in these answers. */
    private static final Set<String> ENGLISH_VERBS = Set.of("is", "are", "was", "were", "be", "becomes", "become", "grows", "grow",
            "increases", "waits", "hits", "stops", "went", "goes", "dropped", "drops", "doubled", "can", "cannot", "can't", "keep",
            "served", "balances", "distributes", "reached", "saturated", "has", "have", "respond", "responds", "works", "increased",
            "decreased", "fell", "grew", "gets", "got", "limits", "wait");

    private static boolean englishVerb(String norm) {
        return ENGLISH_VERBS.contains(norm);
    }

    static boolean cyrillic(String norm) {
        for (int i = 0; i < norm.length(); i++) {
            if (Character.UnicodeScript.of(norm.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    private static String stem(String norm, SnowballStemmer ru, SnowballStemmer en) {
        if (norm.length() < 3) {
            return norm;
        }
        SnowballStemmer s = cyrillic(norm) ? ru : en;
        s.setCurrent(norm);
        s.stem();
        return s.getCurrent();
    }

    private static boolean breaks(String gap, String punct) {
        for (int i = 0; i < gap.length(); i++) {
            if (punct.indexOf(gap.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
