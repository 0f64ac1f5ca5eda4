package ru.mpgu.lab.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import ru.mpgu.lab.integrity.FileGroup;
import ru.mpgu.lab.integrity.IntegrityManifest;

/**
 * The identity of a student's stack: sha256 over the files the integrity manifest puts in the STACK group
 * (compose file, app/, nginx/, prometheus/, grafana/, wrk/), line endings normalized. {@code .env} files are
 * left out: they carry per-student values (the variant id), not a different stack.
 */
public final class StackHash {

    private StackHash() {
    }

    public static String of(Path repo) throws IOException {
        if (!Files.isDirectory(repo)) {
            throw new IOException("папки " + repo + " нет");
        }
        MessageDigest md = digest();
        for (Map.Entry<String, String> file : IntegrityManifest.generate(repo).files().entrySet()) {
            String path = file.getKey();
            if (FileGroup.of(path) != FileGroup.STACK || isEnvFile(path)) {
                continue;
            }
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(file.getValue().getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A short form for people: the first 12 hex digits. */
    public static String shortForm(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    static boolean isEnvFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals(".env") || name.startsWith(".env.");
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
