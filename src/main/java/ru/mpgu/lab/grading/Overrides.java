package ru.mpgu.lab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.mpgu.lab.scoring.ExemplarMatch;
import ru.mpgu.lab.scoring.ScoreOverride;

/**
 * A teacher's manual overrides for one repository: a YAML map from a check or criterion id to
 * {points, comment}. Given by -Dlab.overrides=FILE or {@link GradingConfig#withOverrides}.
 */
public final class Overrides {

    private Overrides() {
    }

    static Map<String, ScoreOverride> load(GradingConfig config) {
        return config.overrides() == null ? Map.of() : read(config.overrides());
    }

    public static Map<String, ScoreOverride> read(Path file) {
        Map<String, ScoreOverride> result = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return result;
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode root = yaml.readTree(file.toFile());
            for (var it = root.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode ex = e.getValue().path("exemplar");
                // the batch writes where a verdict taken from an exemplar came from (a typed record, not comment text)
                ExemplarMatch exemplar = ex.isObject() ? yaml.treeToValue(ex, ExemplarMatch.class) : null;
                result.put(e.getKey(), new ScoreOverride(e.getValue().path("points").asDouble(),
                        e.getValue().path("comment").asText(""), exemplar));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("файл ручных оценок " + file + " не читается: " + e.getMessage(), e);
        }
        return result;
    }
}
