package ru.mpgu.lab.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The {@code tesseract} binary (Debian: tesseract-ocr), run as a child process on a grey, upscaled copy of the
 * picture, at the lowest CPU priority: OCR must never take CPU from a stack whose requests per second are being measured.
 */
public final class TesseractOcr implements OcrEngine {

    static final String LANGUAGE = "eng";
    /** Pictures up to this size are read at twice the size (browser screenshots have small text). */
    static final int UPSCALE_BELOW_PX = 3000;

    private final String binary;
    private volatile String version;

    public TesseractOcr(String binary) {
        this.binary = binary;
    }

    /** {@code -Dlab.tesseract=PATH}, else {@code tesseract} from PATH. */
    public static TesseractOcr fromSystem() {
        return new TesseractOcr(System.getProperty("lab.tesseract", "tesseract"));
    }

    /** True when {@code tesseract --version} runs. Checked once per instance. */
    @Override
    public boolean available() {
        return !version().isEmpty();
    }

    private String version() {
        if (version == null) {
            String found = "";
            try {
                Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    found = out.lines().findFirst().orElse("tesseract").strip();
                    found = found.isEmpty() ? "tesseract" : found;
                }
            } catch (IOException e) {
                found = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                found = "";
            }
            version = found;
        }
        return version;
    }

    @Override
    public String parameters() {
        return version() + "; -l " + LANGUAGE + "; gray, bicubic x2 below " + UPSCALE_BELOW_PX + " px";
    }

    @Override
    public String text(Path image) throws IOException {
        BufferedImage src = ImageIO.read(image.toFile());
        if (src == null) {
            throw new IOException("не картинка");
        }
        Path tmp = Files.createTempFile("lab-ocr-", ".png");
        try {
            int scale = Math.max(src.getWidth(), src.getHeight()) > UPSCALE_BELOW_PX ? 1 : 2;
            BufferedImage big = new BufferedImage(src.getWidth() * scale, src.getHeight() * scale, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, big.getWidth(), big.getHeight(), null);
            g.dispose();
            ImageIO.write(big, "png", tmp.toFile());
            ProcessBuilder pb = new ProcessBuilder(command(List.of(binary, tmp.toString(), "stdout", "-l", LANGUAGE), niceOnPath()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // one thread per reading: the batch runs several readings at once, OpenMP's threads would only fight
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = pb.start();
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

    /** {@code nice -n 19 CMD} when {@code nice} exists (Linux, macOS), else CMD as is (Windows). */
    static List<String> command(List<String> cmd, boolean nice) {
        if (!nice) {
            return cmd;
        }
        List<String> out = new ArrayList<>(List.of("nice", "-n", "19"));
        out.addAll(cmd);
        return out;
    }

    private static volatile Boolean nice;

    static boolean niceOnPath() {
        if (nice == null) {
            nice = onPath("nice", System.getenv("PATH"), System.getProperty("os.name", ""));
        }
        return nice;
    }

    /** An executable {@code name} in one of {@code path}'s folders; never on Windows (no nice there). */
    static boolean onPath(String name, String path, String osName) {
        if (path == null || osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name)) && !Files.isDirectory(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
