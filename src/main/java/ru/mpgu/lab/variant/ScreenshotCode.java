package ru.mpgu.lab.variant;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Reads the variant code off a screenshot with Tesseract OCR (Debian: tesseract-ocr, tesseract-ocr-rus), run as a
 * process when it is installed. Without it the caller sends the picture to the teacher.
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
    private static volatile Boolean engine;
    private static final String TESSERACT = System.getProperty("lab.tesseract", "tesseract");

    private ScreenshotCode() {
    }

    /** True when {@code tesseract --version} runs. Checked once per JVM. */
    public static boolean engineInstalled() {
        if (engine == null) {
            try {
                Process p = new ProcessBuilder(TESSERACT, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                engine = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                engine = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                engine = false;
            }
        }
        return engine;
    }

    public static Reading read(Path image, StudentVariant expected) {
        if (!engineInstalled()) {
            return new Reading(Kind.NO_ENGINE, List.of(), "распознавание текста (tesseract) не установлено");
        }
        String text;
        try {
            text = ocr(image);
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
        if (!engineInstalled()) {
            return List.of();
        }
        try {
            return codesIn(ocr(image));
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

    /** Screenshots of a browser page have small text: tesseract reads it far better at twice the size. */
    private static String ocr(Path image) throws IOException {
        BufferedImage src = ImageIO.read(image.toFile());
        if (src == null) {
            throw new IOException("не картинка");
        }
        Path tmp = Files.createTempFile("lab-ocr-", ".png");
        try {
            int scale = Math.max(src.getWidth(), src.getHeight()) > 3000 ? 1 : 2;
            BufferedImage big = new BufferedImage(src.getWidth() * scale, src.getHeight() * scale, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, big.getWidth(), big.getHeight(), null);
            g.dispose();
            ImageIO.write(big, "png", tmp.toFile());
            Process p = new ProcessBuilder(TESSERACT, tmp.toString(), "stdout", "-l", "eng")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tesseract не уложился в 60 с");
            }
            if (p.exitValue() != 0) {
                throw new IOException("tesseract завершился с кодом " + p.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("прервано");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
