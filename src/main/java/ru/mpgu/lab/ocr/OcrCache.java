package ru.mpgu.lab.ocr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import ru.mpgu.lab.output.ReportWriter;

/**
 * OCR text by picture content: the key is the SHA-256 of the image file plus the engine's {@link OcrEngine#parameters()},
 * so the same picture (a screenshot copied into many submissions, a renamed file) is read once. Kept as JSON in a
 * file (the batch's output folder), so a resumed batch, and the child JVMs of the same batch, read nothing twice.
 * Failures are not kept: a timed-out read is tried again next time.
 */
public final class OcrCache implements OcrEngine {

    public static final String FILE_NAME = "ocr-cache.json";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final OcrEngine engine;
    private final Consumer<String> warn;
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    /** Reads under way: a second thread asking for the same picture waits for the first one's answer. */
    private final Map<String, CompletableFuture<String>> reading = new ConcurrentHashMap<>();

    private OcrCache(Path file, OcrEngine engine, Consumer<String> warn) {
        this.file = file.toAbsolutePath().normalize();
        this.engine = engine;
        this.warn = warn;
    }

    /** The cache in {@code file} (missing: empty; unreadable or partial: empty, with a warning) in front of {@code engine}. */
    public static OcrCache open(Path file, OcrEngine engine, Consumer<String> warn) {
        OcrCache cache = new OcrCache(file, engine, warn);
        cache.texts.putAll(cache.load(true));
        return cache;
    }

    public Path file() {
        return file;
    }

    /** Entries held now (tests, the batch log). */
    public int size() {
        return texts.size();
    }

    @Override
    public boolean available() {
        return engine.available();
    }

    @Override
    public String parameters() {
        return engine.parameters();
    }

    @Override
    public String text(Path image) throws IOException {
        String key = sha256(image) + "|" + engine.parameters();
        String known = texts.get(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = reading.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            known = texts.get(key); // read and removed from `reading` between our two looks
            String text = known != null ? known : engine.text(image);
            if (known == null) {
                texts.put(key, text);
                save();
            }
            mine.complete(text);
            return text;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(key, mine);
        }
    }

    private static String await(CompletableFuture<String> running) throws IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("прервано");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Merges what another process (a child JVM of the same batch) saved meanwhile, then writes atomically; the lock file
     * keeps two processes from merging at once. A failed write costs only a second reading later: warned, not thrown.
     */
    private synchronized void save() {
        Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                load(false).forEach(texts::putIfAbsent);
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("version", VERSION);
                root.put("texts", new TreeMap<>(texts));
                ReportWriter.writeAtomically(file, JSON.writeValueAsString(root));
            }
        } catch (IOException | RuntimeException e) {
            warn.accept("кэш распознанного текста не сохранён (" + file + "): " + e.getMessage());
        }
    }

    /** The file's entries; a missing file has none, an unreadable one none either (warned once, when opening). */
    private Map<String, String> load(boolean warnIfBroken) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            var root = JSON.readTree(file.toFile());
            if (root == null || root.path("version").asInt() != VERSION || !root.path("texts").isObject()) {
                throw new IOException("не тот формат");
            }
            return JSON.convertValue(root.path("texts"), new TypeReference<Map<String, String>>() { });
        } catch (IOException | RuntimeException e) {
            if (warnIfBroken) {
                warn.accept("кэш распознанного текста " + file + " не читается (" + e.getMessage()
                        + "): начинаю с пустого, картинки будут распознаны заново");
            }
            return Map.of();
        }
    }

    static String sha256(Path image) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(image)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
