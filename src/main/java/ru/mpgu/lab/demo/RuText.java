package ru.mpgu.lab.demo;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Russian number formatting (decimal comma, no grouping) and the few plurals the demo prints. */
public final class RuText {

    private RuText() {
    }

    /** {@code decimals} digits after a comma: 1234.56 → "1234,6" for 1. */
    public static String num(double value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), symbols);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** Milliseconds with two decimals below 10 ms, one above. */
    public static String ms(double value) {
        return num(value, value < 10 ? 2 : 1);
    }

    /** Chooses the form for 1 / 2–4 / 5+ ("реплика", "реплики", "реплик"). */
    public static String plural(long n, String one, String few, String many) {
        long mod100 = Math.abs(n) % 100;
        long mod10 = mod100 % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return many;
        }
        if (mod10 == 1) {
            return one;
        }
        if (mod10 >= 2 && mod10 <= 4) {
            return few;
        }
        return many;
    }

    /** "1 реплика", "3 реплики", "5 реплик". */
    public static String replicas(int n) {
        return n + " " + plural(n, "реплика", "реплики", "реплик");
    }

    /** Prepositional: "при 1 соединении", "при 30 соединениях". */
    public static String atConnections(int n) {
        return "при " + n + " " + (n % 10 == 1 && n % 100 != 11 ? "соединении" : "соединениях");
    }
}
