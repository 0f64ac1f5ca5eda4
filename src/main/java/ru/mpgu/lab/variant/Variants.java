package ru.mpgu.lab.variant;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same functions as the app's {@code orders/variant.py}: variant number from a student id, the variant code,
 * and the size of one {@code /orders} response. Test vectors are shared with the app's test_variant.py.
 */
public final class Variants {

    public static final int COUNT = 40;
    public static final int STEP_BYTES = 48;
    /** OCR-safe letters: no 0/O, 1/I/L, 5/S, 8/B, 2/Z. */
    public static final String ALPHABET = "ACDEFHJKMNPRTUVWXY3479";
    public static final Pattern CODE = Pattern.compile("V(\\d{2})-([" + ALPHABET + "]{4})");

    /**
     * Bytes wrk reads for one default {@code GET /orders} through nginx (status line, headers, body) at variant 0,
     * i.e. without the variant's ballast; measured on the lab stack (bench/variants-benchmark.sh), pinned by the
     * app's test of the body size. Variant n adds {@code n * STEP_BYTES}.
     */
    public static final int BASE_RESPONSE_BYTES = 5455;

    private Variants() {
    }

    public static String normalizeId(String id) {
        return id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    }

    /** The roster's first choice for this id (used as is when nobody else in the class has it). */
    public static int numberForId(String id) {
        byte[] d = sha256("lab-variant:" + normalizeId(id));
        return 1 + new BigInteger(1, Arrays.copyOf(d, 8)).mod(BigInteger.valueOf(COUNT)).intValue();
    }

    public static String codeFor(String id, int number) {
        byte[] d = sha256("lab-variant-code:" + normalizeId(id) + ":" + number);
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            letters.append(ALPHABET.charAt((d[i] & 0xFF) % ALPHABET.length()));
        }
        return String.format(Locale.ROOT, "V%02d-%s", number, letters);
    }

    /** The number inside a well-formed code, or empty. */
    public static Optional<Integer> numberOf(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n <= COUNT ? Optional.of(n) : Optional.empty();
    }

    /** Bytes of one default /orders response on a stand of this variant. */
    public static long responseBytes(int number) {
        return BASE_RESPONSE_BYTES + (long) number * STEP_BYTES;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
