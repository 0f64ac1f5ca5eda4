package ru.mpgu.lab.variant;

import java.net.URI;
import java.util.Locale;
import ru.mpgu.lab.measure.wrk.WrkResult;

/**
 * Was this wrk output made on the student's own stand? wrk prints the bytes it read ("18.52MB read") and the
 * number of responses; their ratio is the size of one /orders response, which differs per variant
 * ({@link Variants#STEP_BYTES} bytes apart). The accepted interval comes from wrk's own rounding (two decimals
 * of the printed unit) plus the responses that were still arriving when wrk stopped (it counts their bytes,
 * not the responses), so a genuine output is never rejected.
 */
public final class WrkVariantCheck {

    /** How the output relates to the variant. */
    public enum Kind {
        MATCHES,
        MISMATCH,
        /** Fits the variant only if a response was cut off at the end, and fits another variant exactly: a teacher decides. */
        SUSPICIOUS,
        UNCHECKABLE
    }

    /**
     * @param lowBytes  smallest response size (bytes) this output allows
     * @param highBytes largest
     * @param nearest   the variant number whose size is closest to the output's (0 = a stand without a variant)
     */
    public record Verdict(Kind kind, String message, double lowBytes, double highBytes, int nearest) {
    }

    /**
     * nginx adds X-Upstream with the replica's address: BASE_RESPONSE_BYTES was measured with a 10-character one
     * (172.20.0.5); Docker networks give 8 (10.0.0.2) to 15 (192.168.255.254) characters.
     */
    static final int ADDRESS_SHORTER = 2;
    static final int ADDRESS_LONGER = 5;
    /** Without a variant the page has "variant": null, six bytes shorter than a code in quotes. */
    static final int TEMPLATE_SHORTER = 6;

    /**
     * Responses wrk had started reading when it stopped: it stops on a timer between reads, so only a response
     * split across reads counts bytes without counting as a response; a read error cuts one more short.
     * Timeouts do not: wrk counts them when the late response arrives in full.
     */
    static long partialResponses(WrkResult wrk) {
        return 1 + wrk.socketErrors().read();
    }

    /** Half of the last printed digit of "N.NNXB read": wrk's format_binary rounds to 2 decimals of a 1024 unit. */
    static double roundingBytes(double bytesRead) {
        double unit = 1;
        double n = bytesRead;
        while (n >= 1024) {
            n /= 1024;
            unit *= 1024;
        }
        return 0.005 * unit;
    }

    public static Verdict check(WrkResult wrk, StudentVariant variant) {
        String path = pathAndQuery(wrk.url());
        if (!path.equals("/orders")) {
            return new Verdict(Kind.UNCHECKABLE, "вариант сверяется только для запуска на /orders без параметров, а здесь "
                    + wrk.url(), 0, 0, -1);
        }
        if (wrk.requests() <= 0) {
            return new Verdict(Kind.UNCHECKABLE, "в выводе wrk нет ни одного ответа", 0, 0, -1);
        }
        if (wrk.non2xx3xx() > 0) {
            return new Verdict(Kind.UNCHECKABLE, "среди ответов есть ошибки (Non-2xx " + wrk.non2xx3xx()
                    + "), у них другой размер: вариант по этому выводу не сверить", 0, 0, -1);
        }
        double r = wrk.requests();
        double rounding = roundingBytes(wrk.bytesRead());
        double expected = variant.responseBytes();
        double low = (wrk.bytesRead() - rounding) / r;
        double high = (wrk.bytesRead() + rounding) / r;
        double slackLow = (wrk.bytesRead() - rounding - partialResponses(wrk) * (expected + ADDRESS_LONGER)) / r;
        int nearest = nearestVariant(wrk.bytesRead() / r);
        String measured = String.format(Locale.ROOT, "%s / %d запросов = %s байт на ответ", bytesText(wrk.bytesRead()),
                wrk.requests(), range(low, high));
        if (fits(variant.number(), low, high)) {
            return new Verdict(Kind.MATCHES, String.format(Locale.ROOT, "размер ответа совпадает с вариантом %s: %s, у варианта %d байт",
                    variant.code(), measured, Math.round(expected)), low, high, nearest);
        }
        if (fits(variant.number(), slackLow, high)) {
            for (int n = 0; n <= Variants.COUNT; n++) {
                if (n != variant.number() && fits(n, low, high)) {
                    return new Verdict(Kind.SUSPICIOUS, String.format(Locale.ROOT,
                            "размер ответа точно совпадает с вариантом V%02d (%s), а с вашим %s — только если wrk оборвал ответ "
                                    + "в конце прогона: проверит преподаватель", n, measured, variant.code()), slackLow, high, n);
                }
            }
            return new Verdict(Kind.MATCHES, String.format(Locale.ROOT,
                    "размер ответа совпадает с вариантом %s, если считать ответ, оборванный в конце прогона: %s",
                    variant.code(), measured), slackLow, high, nearest);
        }
        String other = nearest == 0 ? "так весит ответ стенда без варианта (в .env ничего не задано)"
                : nearest == variant.number() ? "это ближе всего к вашему варианту, но за пределами округления wrk"
                : String.format(Locale.ROOT, "так весит ответ у варианта V%02d", nearest);
        return new Verdict(Kind.MISMATCH, String.format(Locale.ROOT,
                "вывод wrk получен не на вашем стенде: у варианта %s ответ /orders — %d байт, а в этом выводе %s (%s). "
                        + "Запустите wrk на своём стенде с вашим .env и вставьте его вывод",
                variant.code(), Math.round(expected), measured, other), slackLow, high, nearest);
    }

    /** Variant n's size window (replica addresses of any length) meets [low, high]; n = 0 is a stand without a variant. */
    static boolean fits(int n, double low, double high) {
        double size = n == 0 ? Variants.BASE_RESPONSE_BYTES - TEMPLATE_SHORTER : Variants.responseBytes(n);
        return size + ADDRESS_LONGER >= low && size - ADDRESS_SHORTER <= high;
    }

    /** 0 for a stand without a variant, else 1..COUNT; the closest size. */
    static int nearestVariant(double bytesPerResponse) {
        long n = Math.round((bytesPerResponse - Variants.BASE_RESPONSE_BYTES) / Variants.STEP_BYTES);
        return (int) Math.max(0, Math.min(Variants.COUNT, n));
    }

    private static String range(double low, double high) {
        return String.format(Locale.ROOT, "%.1f…%.1f", low, high);
    }

    private static String bytesText(double bytes) {
        return ru.mpgu.lab.measure.wrk.WrkUnits.formatBinary(bytes) + "B";
    }

    static String pathAndQuery(String url) {
        try {
            URI uri = URI.create(url.strip());
            String p = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath().replaceAll("/+$", "");
            return uri.getQuery() == null ? p : p + "?" + uri.getQuery();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
