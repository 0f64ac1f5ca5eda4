package ru.mpgu.lab.report;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Forgiving parsing of numbers students type: «1 234,5», «12,5 мс», «1.2s», «850us», «2.3k». */
public final class ReportNumbers {

    private static final Pattern DECIMAL = Pattern.compile("(\\d[\\d\\u00A0\\u202F ]*(?:[.,]\\d+)?)\\s*([kкK]\\b)?");
    private static final Pattern LATENCY = Pattern.compile(
            "(\\d[\\d\\u00A0\\u202F ]*(?:[.,]\\d+)?)\\s*(мкс|us|µs|μs|мсек|мс|msec|ms|секунд\\p{L}*|сек|sec|s|с|мин|min|m)?(?![\\p{L}])",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER_NOT_CODE = Pattern.compile("\\d+(?![\\dxх])"); // «Non-2xx» is not a count

    private ReportNumbers() {
    }

    /** First decimal number in {@code text}; «,» is a decimal mark, spaces group thousands, «k» means ×1000. */
    public static OptionalDouble parseDecimal(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        Matcher m = DECIMAL.matcher(text);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(m.group(1).replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.'));
        return OptionalDouble.of(m.group(2) != null ? v * 1000 : v);
    }

    /** Latency result: value in ms and whether the unit was written. */
    public record Latency(double millis, boolean unitGiven) {
    }

    /** Latency in milliseconds; without a unit the number is taken as milliseconds. */
    public static java.util.Optional<Latency> parseLatency(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher m = LATENCY.matcher(text);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        double v = Double.parseDouble(m.group(1).trim().replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.'));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "мкс", "us", "µs", "μs" -> 0.001;
            case "", "мс", "мсек", "ms", "msec" -> 1;
            case "мин", "min", "m" -> 60_000;
            default -> 1000; // s, с, сек, sec, секунды...
        };
        return java.util.Optional.of(new Latency(v * factor, !unit.isEmpty()));
    }

    /**
     * Error count: «0», «нет», «ошибок нет» → 0; several numbers («connect 0, read 5, timeout 2») are added up.
     * Empty when there is no number and no «нет».
     */
    public static java.util.Optional<Integer> parseErrors(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        Matcher m = INTEGER_NOT_CODE.matcher(t.replaceAll("(?<=\\d)[\\s\\u00A0\\u202F](?=\\d{3}\\b)", ""));
        int sum = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            sum += Integer.parseInt(m.group().length() > 9 ? "999999999" : m.group());
        }
        if (any) {
            return java.util.Optional.of(sum);
        }
        if (t.matches(".*(^|[^\\p{L}])(нет|нету|отсутству\\p{L}*|no|none|zero|ноль)([^\\p{L}]|$).*")) {
            return java.util.Optional.of(0);
        }
        return java.util.Optional.empty();
    }
}
