package ru.mpgu.lab.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * integrity-manifest.json: sha256 of every template file the grading depends on (see {@link FileGroup}).
 * Line endings are normalized (CRLF and lone CR to LF) before hashing, so a Windows checkout hashes the same.
 * Regenerate after changing a covered file: {@value #REGENERATE}.
 */
public record IntegrityManifest(Map<String, String> files) {

    public static final String FILE_NAME = "integrity-manifest.json";
    public static final String REGENERATE =
            "./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt"
                    + " && java -cp \"target/classes:$(cat target/cp.txt)\" ru.mpgu.lab.cli.LabCli manifest --repo .";

    /** Folders never hashed: build output, VCS data, Python caches, virtualenvs. */
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "__pycache__", ".venv", "venv",
            "node_modules", ".idea", ".pytest_cache");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public IntegrityManifest {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Hashes the covered files of {@code repo} as they are now. */
    public static IntegrityManifest generate(Path repo) throws IOException {
        Path root = repo.toAbsolutePath().normalize();
        Map<String, String> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(root, file);
                if (attrs.isRegularFile() && FileGroup.of(rel) != null && !rel.endsWith(".pyc")
                        && !file.getFileName().toString().equals(".DS_Store")) {
                    files.put(rel, sha256(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new IntegrityManifest(files);
    }

    public static IntegrityManifest read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** The manifest bundled in the grader's own jar (built from the teacher's template), if any. */
    public static Optional<IntegrityManifest> bundled() {
        try (InputStream in = IntegrityManifest.class.getResourceAsStream("/" + FILE_NAME)) {
            return in == null ? Optional.empty() : Optional.of(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static IntegrityManifest parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        Map<String, String> files = new TreeMap<>();
        root.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        return new IntegrityManifest(files);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "sha256 файлов шаблона (переводы строк приведены к LF). Пересоздать: " + REGENERATE);
        root.put("version", 1);
        ObjectNode files = root.putObject("files");
        this.files.forEach(files::put);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** sha256 of the content with CRLF and lone CR turned into LF. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] raw) {
        byte[] normalized = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                normalized[n++] = '\n';
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
            } else {
                normalized[n++] = b;
            }
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(normalized, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
