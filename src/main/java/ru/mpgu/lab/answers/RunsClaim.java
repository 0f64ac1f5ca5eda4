package ru.mpgu.lab.answers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an answer says happened to Requests/sec between the two runs, checked against the runs pasted in the
 * same report. «Requests/sec вырос» while the runs show a fall is a conflict the teacher must see.
 */
public final class RunsClaim {

    public enum Direction { UP, DOWN, SAME }

    /** Requests/sec of «Прогон 1» and «Прогон 2»; either may be null when the student did not fill it. */
    public record Runs(Double rps1, Double rps2) {
        public static final Runs NONE = new Runs(null, null);

        Optional<Direction> actual() {
            if (rps1 == null || rps2 == null || rps1 <= 0) {
                return Optional.empty();
            }
            double r = rps2 / rps1;
            return Optional.of(r >= 1.15 ? Direction.UP : r <= 0.87 ? Direction.DOWN : Direction.SAME);
        }
    }

    private final ClaimMatcher matcher;
    private final List<ClaimMatcher.Phrase> subject;
    private final List<ClaimMatcher.Phrase> up;
    private final List<ClaimMatcher.Phrase> down;
    private final List<ClaimMatcher.Phrase> same;
    private final List<ClaimMatcher.Phrase> standaloneUp;
    private final List<ClaimMatcher.Phrase> standaloneDown;

    RunsClaim(ClaimMatcher matcher) {
        this.matcher = matcher;
        subject = matcher.compile(List.of("requests/sec", "requests", "rps", "req/sec", "запросов в секунду", "пропускная способность",
                "производительность", "throughput", "скорость", "число обработанных запросов"));
        up = matcher.compile(List.of("вырасти", "расти", "увеличиться", "увеличиваться", "больше", "выше", "вдвое", "удвоиться", "×",
                "up", "increased", "doubled", "grew", "went up"));
        down = matcher.compile(List.of("упасть", "снизиться", "уменьшиться", "падать", "меньше", "ниже", "dropped", "fell", "down", "decreased"));
        same = matcher.compile(List.of("такой же", "тот же", "не измениться", "не изменяться", "прежний", "same", "unchanged"));
        standaloneUp = matcher.compile(List.of("быстрее", "ускориться", "faster"));
        standaloneDown = matcher.compile(List.of("медленнее", "хуже", "slower", "замедлиться"));
    }

    /** The direction the answer claims, if it says one clearly (all statements agree). */
    Optional<Direction> claimed(List<Token> tokens) {
        Direction found = null;
        for (ClaimMatcher.Hit s : matcher.find(subject, tokens)) {
            Direction d = directionIn(tokens, s.clause());
            if (d != null) {
                if (found != null && found != d) {
                    return Optional.empty();
                }
                found = d;
            }
        }
        if (found == null) {
            for (ClaimMatcher.Hit h : matcher.find(standaloneUp, tokens)) {
                found = h.negated() ? Direction.SAME : Direction.UP;
            }
            for (ClaimMatcher.Hit h : matcher.find(standaloneDown, tokens)) {
                found = h.negated() ? null : Direction.DOWN;
            }
            for (ClaimMatcher.Hit h : matcher.find(matcher.compile(List.of("ничего не измениться", "ничего не поменяться")), tokens)) {
                found = Direction.SAME;
            }
        }
        return Optional.ofNullable(found);
    }

    private Direction directionIn(List<Token> tokens, int clause) {
        for (ClaimMatcher.Hit h : matcher.find(same, tokens)) {
            if (h.clause() == clause && h.holds()) {
                return Direction.SAME;
            }
        }
        for (ClaimMatcher.Hit h : matcher.find(up, tokens)) {
            if (h.clause() == clause) {
                return h.negated() ? Direction.SAME : Direction.UP;
            }
        }
        for (ClaimMatcher.Hit h : matcher.find(down, tokens)) {
            if (h.clause() == clause && !h.negated()) {
                return Direction.DOWN;
            }
        }
        return null;
    }

    /** A Russian sentence quoting both numbers, or null when the answer agrees with the runs or says nothing. */
    String conflict(List<Token> tokens, Runs runs) {
        Optional<Direction> actual = runs.actual();
        if (actual.isEmpty()) {
            return null;
        }
        Optional<Direction> said = claimed(tokens);
        if (said.isEmpty() || said.get() == actual.get()) {
            return null;
        }
        return String.format(Locale.ROOT, "ответ говорит, что Requests/sec %s, а в отчёте Прогон 1: %s, Прогон 2: %s (%s)",
                word(said.get()), num(runs.rps1()), num(runs.rps2()), word(actual.get()));
    }

    private static String word(Direction d) {
        return switch (d) {
            case UP -> "вырос";
            case DOWN -> "упал";
            case SAME -> "не изменился";
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replace('.', ',');
    }
}
