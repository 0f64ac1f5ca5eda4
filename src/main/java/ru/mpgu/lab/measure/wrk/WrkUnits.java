package ru.mpgu.lab.measure.wrk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk's unit formatting (src/units.c) and its inverse.
 *
 * <p>wrk scales a number while it is at least 85% of the next unit, so "0.89ms" is printed
 * for 890us and "850.00us" never appears. Rounding follows glibc's printf: the exact binary
 * value rounded half-even.
 */
public final class WrkUnits {

    private static final String[] TIME_US_UNITS = {"ms", "s"};
    private static final String[] TIME_S_UNITS = {"m", "h"};
    private static final String[] BINARY_UNITS = {"K", "M", "G", "T", "P"};
    private static final String[] METRIC_UNITS = {"k", "M", "G", "T", "P"};

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(-?nan|-?\\d+(?:\\.\\d+)?)([A-Za-z]*)");

    private WrkUnits() {
    }

    /** Latency and runtime: input in microseconds ("635.91us", "3.67ms", "2.00s", "1.50m"). */
    public static String formatTimeUs(double micros) {
        if (micros >= 1_000_000.0) {
            return formatUnits(micros / 1_000_000.0, 60, "s", TIME_S_UNITS, 2);
        }
        return formatUnits(micros, 1000, "us", TIME_US_UNITS, 2);
    }

    /** The test duration in the header line: whole seconds ("20s", "1m"). */
    public static String formatTimeS(double seconds) {
        return formatUnits(seconds, 60, "s", TIME_S_UNITS, 0);
    }

    /** Req/Sec in the thread table ("667.08", "1.28k"). */
    public static String formatMetric(double value) {
        return formatUnits(value, 1000, "", METRIC_UNITS, 2);
    }

    /** Bytes without the trailing "B" that wrk appends itself ("511.33K"). */
    public static String formatBinary(double bytes) {
        return formatUnits(bytes, 1024, "", BINARY_UNITS, 2);
    }

    /** C's {@code %.Nf}: exact binary value, half-even; NaN as glibc prints it. */
    public static String fixed(double value, int precision) {
        if (Double.isNaN(value)) {
            return "-nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(value).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String formatUnits(double n, int scale, String base, String[] units, int precision) {
        double amount = n;
        String unit = base;
        double threshold = scale * 0.85;
        for (int i = 0; i + 1 < units.length && amount >= threshold; i++) {
            amount /= scale;
            unit = units[i];
        }
        return fixed(amount, precision) + unit;
    }

    private static final Map<String, Double> MICROSECONDS_PER = Map.of(
            "us", 1.0, "ms", 1e3, "s", 1e6, "m", 60e6, "h", 3600e6);
    private static final Map<String, Double> METRIC_PREFIX = Map.of(
            "", 1.0, "k", 1e3, "M", 1e6, "G", 1e9, "T", 1e12, "P", 1e15);
    private static final Map<String, Double> BYTES_PER = Map.of(
            "B", 1.0, "KB", 1024.0, "MB", Math.pow(1024, 2), "GB", Math.pow(1024, 3), "TB", Math.pow(1024, 4),
            "PB", Math.pow(1024, 5));

    /** Parses "3.67ms" etc. into microseconds; {@code null} when the text is no wrk time. */
    public static Double parseTimeUs(String text) {
        return parseWithUnit(text, MICROSECONDS_PER);
    }

    /** Parses "1.28k", "667.08", "1.2M" (wrk's metric units). */
    public static Double parseMetric(String text) {
        return parseWithUnit(text, METRIC_PREFIX);
    }

    /** Parses "511.33KB", "0.00B", "4.56MB" into bytes. */
    public static Double parseBytes(String text) {
        return parseWithUnit(text, BYTES_PER);
    }

    /** A number followed by one of {@code factors}' units, scaled; {@code null} for any other text. */
    private static Double parseWithUnit(String text, Map<String, Double> factors) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Double factor = factors.get(m.group(2));
        return factor == null ? null : scaled(m.group(1), factor);
    }

    /** Parses a plain number or nan ("92.57", "-nan"). */
    public static Double parsePlain(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches() || !m.group(2).isEmpty()) {
            return null;
        }
        return number(m.group(1));
    }

    /** Decimal multiplication, so "4.07ms" is exactly 4070us and not 4070.0000000000005. */
    private static double scaled(String digits, double factor) {
        if (digits.toLowerCase(Locale.ROOT).endsWith("nan")) {
            return Double.NaN;
        }
        return new BigDecimal(digits).multiply(BigDecimal.valueOf(factor)).doubleValue();
    }

    private static double number(String digits) {
        return digits.toLowerCase(Locale.ROOT).endsWith("nan") ? Double.NaN : Double.parseDouble(digits);
    }
}
