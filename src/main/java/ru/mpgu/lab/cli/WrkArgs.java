package ru.mpgu.lab.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk-style argument values ("10", "1k", "20s", "1m"); errors are Russian sentences for the user. */
final class WrkArgs {

    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d{1,12})([A-Za-z]{0,2})");

    private WrkArgs() {
    }

    /** A count with wrk's optional SI suffix: "100", "1k". */
    static int count(String option, String text) {
        Matcher m = NUMBER_UNIT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Параметр " + option + ": «" + text
                    + "» не число. Укажите целое число, например " + option + " 10.");
        }
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "" -> 1;
            case "k" -> 1_000;
            case "m" -> 1_000_000;
            default -> throw new IllegalArgumentException("Параметр " + option + ": неизвестный суффикс «"
                    + m.group(2) + "» в «" + text + "». Допустимы k и M, например 1k.");
        };
        long value = Long.parseLong(m.group(1)) * factor;
        if (value < 1 || value > 100_000) {
            throw new IllegalArgumentException("Параметр " + option + ": значение " + value
                    + " вне допустимого диапазона 1…100000.");
        }
        return (int) value;
    }

    /** A duration: "20" (seconds), "20s", "1m", "2h"; "500ms" too, handy for --timeout. */
    static Duration duration(String option, String text) {
        Matcher m = NUMBER_UNIT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Параметр " + option + ": «" + text
                    + "» не длительность. Пишите число с единицей: 20s, 1m, 2h (или 500ms).");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "s" -> Duration.ofSeconds(n);
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("Параметр " + option + ": неизвестная единица «"
                    + m.group(2) + "» в «" + text + "». Допустимы ms, s, m, h, например 20s.");
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("Параметр " + option + ": длительность должна быть больше нуля.");
        }
        return d;
    }

    /** An http:// URL with a host; https is refused with an explanation. */
    static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Некорректный URL «" + text + "». Пример: http://localhost:8000/orders/");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("HTTPS не поддерживается: нагрузка подаётся на http:// (например "
                    + "http://localhost:8000/). Уберите «s» из схемы или подайте нагрузку на HTTP-порт.");
        }
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("Некорректный URL «" + text
                    + "»: нужен адрес вида http://хост[:порт]/путь, например http://localhost:8000/orders/");
        }
        return uri;
    }

    /** "Name: value", as wrk -H takes it. */
    static String header(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || text.contains("\r") || text.contains("\n")) {
            throw new IllegalArgumentException("Параметр -H: «" + text
                    + "» не заголовок. Формат: -H \"Имя: значение\", например -H \"Accept: application/json\".");
        }
        return text.strip();
    }
}
