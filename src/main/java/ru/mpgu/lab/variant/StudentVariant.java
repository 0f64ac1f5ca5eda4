package ru.mpgu.lab.variant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One student's variant: {@code number} fixes the /orders response size, {@code code} is what /orders shows.
 *
 * @param id the student's id as written in .env or the roster (may be blank when only a code is known)
 */
public record StudentVariant(String id, String code, int number) {

    public static final String ENV_FILE = ".env";
    public static final String ID_KEY = "LAB_STUDENT_ID";
    public static final String CODE_KEY = "LAB_VARIANT";

    public long responseBytes() {
        return Variants.responseBytes(number);
    }

    /** The variant the id gets without a roster. */
    public static StudentVariant forId(String id) {
        int n = Variants.numberForId(id);
        return new StudentVariant(id.strip(), Variants.codeFor(id, n), n);
    }

    /** Variant from a code; the code must be well formed and, when an id is given, belong to it. */
    public static StudentVariant of(String id, String code) {
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        int n = Variants.numberOf(c).orElseThrow(() -> new IllegalArgumentException(
                "код варианта «" + code.strip() + "» записан неверно: нужен вид V17-K4QX (V, две цифры 01–" + Variants.COUNT
                        + ", дефис, четыре буквы)"));
        if (id != null && !id.isBlank() && !Variants.codeFor(id, n).equals(c)) {
            throw new IllegalArgumentException("код варианта " + c + " выдан не студенту «" + id.strip()
                    + "»: проверьте id и код в списке группы");
        }
        return new StudentVariant(id == null ? "" : id.strip(), c, n);
    }

    /**
     * The variant written in the repository's .env (what compose passes to the stand), or empty when none is set.
     * A broken value is an {@link IllegalArgumentException} with a Russian message.
     */
    public static Optional<StudentVariant> fromRepo(Path repo) {
        Map<String, String> env = readEnv(repo.resolve(ENV_FILE));
        String id = env.getOrDefault(ID_KEY, "");
        String code = env.getOrDefault(CODE_KEY, "");
        if (!code.isBlank()) {
            return Optional.of(of(id, code));
        }
        return id.isBlank() ? Optional.empty() : Optional.of(forId(id));
    }

    /** KEY=VALUE lines as docker compose reads them (comments, blank lines, optional quotes). */
    public static Map<String, String> readEnv(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring(7).strip();
                }
                String key = line.substring(0, line.indexOf('=')).strip();
                String value = line.substring(line.indexOf('=') + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(key, value);
            }
        } catch (IOException e) {
            return values;
        }
        return values;
    }
}
