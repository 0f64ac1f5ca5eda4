package ru.mpgu.lab.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.scoring.ScoreOverride;

/**
 * The teacher's manual overrides for a whole class: {@code {student-folder: {check-or-criterion-id: {points, comment}}}}.
 * Each student's section is handed to that student's grading as its own overrides file.
 */
public final class BatchOverrides {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BatchOverrides() {
    }

    /** @throws IllegalArgumentException with a Russian message when the file is missing or malformed */
    public static Map<String, Map<String, ScoreOverride>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("файл ручных оценок не найден: " + file.toAbsolutePath());
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("файл ручных оценок " + file + " не разбирается как YAML: " + e.getMessage(), e);
        }
        Map<String, Map<String, ScoreOverride>> result = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return result;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("файл ручных оценок " + file + ": ожидается «папка-студента: {id: {points, comment}}»");
        }
        var students = root.fields();
        while (students.hasNext()) {
            var student = students.next();
            if (!student.getValue().isObject()) {
                throw new IllegalArgumentException("файл ручных оценок: у «" + student.getKey()
                        + "» ожидается список id проверок или критериев с points и comment");
            }
            Map<String, ScoreOverride> section = new LinkedHashMap<>();
            var ids = student.getValue().fields();
            while (ids.hasNext()) {
                var id = ids.next();
                JsonNode points = id.getValue().path("points");
                if (!points.isNumber()) {
                    throw new IllegalArgumentException("файл ручных оценок: у «" + student.getKey() + "» → «" + id.getKey()
                            + "» нет числа points");
                }
                section.put(id.getKey(), new ScoreOverride(points.asDouble(), id.getValue().path("comment").asText("")));
            }
            result.put(student.getKey(), section);
        }
        return result;
    }

    /** One student's section as the single-repository overrides YAML that `lab grade --overrides` reads. */
    public static Path writeSection(Map<String, ScoreOverride> section, Path file) throws IOException {
        Map<String, Map<String, Object>> doc = new LinkedHashMap<>();
        section.forEach((id, o) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("points", o.points());
            v.put("comment", o.comment());
            if (o.exemplar() != null) {
                v.put("exemplar", o.exemplar());
            }
            doc.put(id, v);
        });
        return ReportWriter.writeAtomically(file, YAML.writeValueAsString(doc));
    }

    /** Stable text of a section, part of the resume hash: a changed override regrades the student. */
    static String fingerprint(Map<String, ScoreOverride> section) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(section).forEach((id, o) -> sb.append(id).append('=').append(o.points()).append(':')
                .append(o.comment()).append(o.exemplar() == null ? "" : ":" + o.exemplar()).append('\n'));
        return sb.toString();
    }
}
