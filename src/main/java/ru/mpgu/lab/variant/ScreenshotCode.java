package ru.mpgu.lab.variant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.mpgu.lab.ocr.OcrCache;
import ru.mpgu.lab.ocr.OcrEngine;
import ru.mpgu.lab.ocr.TesseractOcr;

/**
 * Reads the variant code off a screenshot with OCR ({@link TesseractOcr} by default, when it is installed).
 * Without it the caller sends the picture to the teacher.
 */
public final class ScreenshotCode {

    /** What the picture shows. */
    public enum Kind { OWN_CODE, OTHER_CODE, NO_CODE, NO_ENGINE, UNREADABLE }

    /** @param codes every variant code recognised in the picture */
    public record Reading(Kind kind, List<String> codes, String detail) {
    }

    /** Reads a picture against the expected variant: {@link ScreenshotCode#read} with OCR; tests pass a fake. */
    @FunctionalInterface
    public interface Reader {
        Reading read(Path image, StudentVariant expected);
    }

    /** "V 17 - K4QX", "V17—K4QX": OCR splits and swaps dashes; the four letters are checked against the alphabet. */
    private static final Pattern LOOSE_CODE = Pattern.compile("V\\s?([0-9OQDIlL|]{2})\\s?[-–—_~]\\s?([A-Z0-9]{4})");
    /** A batch hands its OCR cache file to the child JVMs it starts under this system property. */
    public static final String CACHE_PROPERTY = "lab.ocr.cache";
    private static volatile OcrEngine engine = defaultEngine();

    private ScreenshotCode() {
    }

    /** True when the OCR engine can run here (tesseract: {@code tesseract --version} runs; checked once). */
    public static boolean engineInstalled() {
        return engine.available();
    }

    /** The engine every reading goes through now. */
    public static OcrEngine engine() {
        return engine;
    }

    /**
     * Puts {@code next} in front of every reading in this JVM (the batch: its {@link OcrCache}); returns the one it
     * replaces, for the caller to put back.
     */
    public static OcrEngine use(OcrEngine next) {
        OcrEngine previous = engine;
        engine = next;
        return previous;
    }

    /** Tesseract; behind the cache file named by {@code -Dlab.ocr.cache} (a batch's child JVM) when it is set. */
    private static OcrEngine defaultEngine() {
        OcrEngine tesseract = TesseractOcr.fromSystem();
        String cache = System.getProperty(CACHE_PROPERTY, "");
        return cache.isBlank() ? tesseract : OcrCache.open(Path.of(cache), tesseract, System.err::println);
    }

    public static Reading read(Path image, StudentVariant expected) {
        OcrEngine ocr = engine;
        if (!ocr.available()) {
            return new Reading(Kind.NO_ENGINE, List.of(), "распознавание текста (tesseract) не установлено");
        }
        String text;
        try {
            text = ocr.text(image);
        } catch (IOException e) {
            return new Reading(Kind.UNREADABLE, List.of(), "tesseract не прочитал картинку: " + e.getMessage());
        }
        List<String> codes = codesIn(text);
        for (String c : codes) {
            if (sameCode(c, expected.code())) {
                return new Reading(Kind.OWN_CODE, codes, "на скриншоте виден код варианта " + expected.code());
            }
        }
        if (!codes.isEmpty()) {
            return new Reading(Kind.OTHER_CODE, codes, "на скриншоте код " + String.join(", ", codes) + ", а вариант студента "
                    + expected.code());
        }
        return new Reading(Kind.NO_CODE, codes, "код варианта на скриншоте не найден");
    }

    /** Every variant code OCR finds on the picture; empty without tesseract or when it fails. */
    public static List<String> codesOn(Path image) {
        OcrEngine ocr = engine;
        if (!ocr.available()) {
            return List.of();
        }
        try {
            return codesIn(ocr.text(image));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Codes found in OCR text, normalised (digits in the number, the letter part as printed). */
    static List<String> codesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LOOSE_CODE.matcher(text.toUpperCase(Locale.ROOT).replace('У', 'Y').replace('А', 'A').replace('Е', 'E')
                .replace('К', 'K').replace('М', 'M').replace('Н', 'H').replace('Р', 'P').replace('Т', 'T').replace('С', 'C')
                .replace('Х', 'X').replace('В', 'V'));
        while (m.find()) {
            String digits = m.group(1).replace('O', '0').replace('Q', '0').replace('D', '0').replace('I', '1')
                    .replace('L', '1').replace('|', '1');
            out.add("V" + digits + "-" + m.group(2));
        }
        return new ArrayList<>(out);
    }

    /** Same number, letters equal or one letter misread. */
    static boolean sameCode(String found, String expected) {
        if (found.length() != expected.length() || !found.regionMatches(0, expected, 0, 4)) {
            return false;
        }
        int diff = 0;
        for (int i = 4; i < found.length(); i++) {
            if (found.charAt(i) != expected.charAt(i)) {
                diff++;
            }
        }
        return diff <= 1;
    }
}
