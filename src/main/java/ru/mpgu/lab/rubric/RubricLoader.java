package ru.mpgu.lab.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads and validates rubric.yaml. Every problem is reported at once in a {@link RubricException}. */
public final class RubricLoader {

    /** Default file name at the repository root. */
    public static final String FILE_NAME = "rubric.yaml";

    private RubricLoader() {
    }

    public static Rubric load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new RubricException(name, List.of("файл не найден: " + file.toAbsolutePath()));
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), name, file);
        } catch (IOException e) {
            throw new RubricException(name, List.of("не удалось прочитать файл (кодировка должна быть UTF-8): " + e.getMessage()));
        }
    }

    /** The rubric bundled in the jar (copy of the repository's rubric.yaml), for tests and defaults. */
    public static Rubric loadBundled() {
        try (InputStream in = RubricLoader.class.getResourceAsStream("/" + FILE_NAME)) {
            if (in == null) {
                throw new RubricException(FILE_NAME, List.of("в сборке нет встроенного " + FILE_NAME));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + FILE_NAME, null);
        } catch (IOException e) {
            throw new RubricException(FILE_NAME, List.of(e.getMessage()));
        }
    }

    public static Rubric parse(String yaml, String displayName, Path source) {
        YamlLocations locations;
        JsonNode root;
        try {
            locations = YamlLocations.scan(yaml);
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new RubricException(displayName, List.of(
                    (line > 0 ? "строка " + line + ": " : "") + "ошибка синтаксиса YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RubricException(displayName, List.of("ошибка чтения YAML: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new RubricException(displayName, List.of("файл пуст"));
        }
        RubricReader reader = new RubricReader(locations);
        Rubric rubric = reader.read(root, source);
        if (!reader.problems().isEmpty()) {
            throw new RubricException(displayName, reader.problems());
        }
        return rubric;
    }
}
