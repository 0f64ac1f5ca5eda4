package ru.mpgu.lab.answers;

import java.util.List;

/**
 * A bare list of words is not an answer: «очередь, задержка, ресурсы» states nothing.
 * A list is a text with no finite verb and either three or more words with no punctuation at all, or bulleted lines,
 * or at least three short items (split by commas, semicolons, dashes, «и», line breaks) with no predicative
 * «нет», dash or arrow («Кнопки нет — формы нет» states something).
 */
final class KeywordList {

    /** Predicatives say something only with punctuation around them («Запросов мало.»). */
    private static final java.util.Set<String> PREDICATIVES = java.util.Set.of("мало", "много", "нет", "нужно", "можно", "нельзя");

    private KeywordList() {
    }

    static boolean isList(String text, List<Token> tokens) {
        String t = text.strip();
        long words = tokens.stream().filter(k -> k.norm().chars().anyMatch(Character::isLetter)).count();
        boolean punctuated = t.matches("(?s).*[.!?,;:—–].*") || t.matches("(?s).*\\s-\\s.*");
        // «кнопка форма страница таблица»: words in a row, no punctuation, no finite verb
        if (!punctuated && words >= 3 && tokens.stream().noneMatch(k -> k.verb() && !PREDICATIVES.contains(k.norm()))) {
            return true;
        }
        if (tokens.stream().anyMatch(Token::verb)) {
            return false;
        }
        // lines that all start with a bullet
        String[] lines = t.split("\\R+");
        if (lines.length >= 2 && java.util.Arrays.stream(lines).allMatch(l -> l.strip().matches("[-*•].*"))) {
            return true;
        }
        boolean predicative = tokens.stream().anyMatch(k -> k.norm().equals("нет") || k.norm().equals("no") || k.norm().equals("→")
                || k.norm().equals("↑") || k.norm().equals("↓"));
        int dashes = t.split("\\s[-–—]\\s", -1).length - 1;
        if (predicative || dashes == 1 || t.contains(":")) {
            return false;
        }
        String[] items = t.split("(?m)\\s*(?:[,;\\n]|\\s[-–—]\\s|\\sи\\s|\\sand\\s|^[-*•]\\s)\\s*");
        int nonEmpty = 0;
        for (String item : items) {
            String i = item.replaceAll("^[-*•\\s]+", "").replaceAll("[.!?]+$", "").strip();
            if (!i.isEmpty()) {
                nonEmpty++;
                if (i.split("\\s+").length > 3) {
                    return false;
                }
            }
        }
        return nonEmpty >= 3;
    }
}
