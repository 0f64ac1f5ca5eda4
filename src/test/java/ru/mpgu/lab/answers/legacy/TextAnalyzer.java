package ru.mpgu.lab.answers.legacy;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits Russian/English text into stemmed words with clause numbers. Not thread-safe (stemmers keep state). */
public final class TextAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Punctuation that ends a clause. A dash is not here: in Russian it often stands for "is" («БД — узкое место»). */
    private static final String CLAUSE_PUNCT = ".,;:!?()[]\n«»\"";
    /** Conjunctions that start a new clause: «не база, а сервер» / «..., но база одна». */
    private static final Set<String> CLAUSE_WORDS = Set.of("но", "а", "однако", "зато", "хотя", "but", "however", "although");

    private final SnowballStemmer russian = new RussianStemmer();
    private final SnowballStemmer english = new EnglishStemmer();

    public static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        int clause = 0;
        int last = 0;
        while (m.find()) {
            if (!out.isEmpty() && hasClauseBreak(text, last, m.start())) {
                clause++;
            }
            String original = m.group();
            String norm = normalize(original);
            if (!out.isEmpty() && CLAUSE_WORDS.contains(norm)) {
                clause++;
            }
            out.add(new Token(original, norm, stem(norm), m.start(), m.end(), clause));
            last = m.end();
        }
        return out;
    }

    public String stem(String norm) {
        SnowballStemmer s = null;
        for (int i = 0; i < norm.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(norm.charAt(i));
            if (script == Character.UnicodeScript.CYRILLIC) {
                s = russian;
                break;
            }
            if (script == Character.UnicodeScript.LATIN) {
                s = english;
            }
        }
        if (s == null || norm.length() < 3) {
            return norm;
        }
        s.setCurrent(norm);
        s.stem();
        return s.getCurrent();
    }

    private static boolean hasClauseBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CLAUSE_PUNCT.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
