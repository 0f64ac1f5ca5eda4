package ru.mpgu.lab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.output.ReportWriter;

/** measurements.json: the grader's own figures for this repository, which the batch gradebook and charts read. */
public final class MeasurementsFile {

    public static final String NAME = "measurements.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MeasurementsFile() {
    }

    static void write(Path dir, Map<String, Double> measurements, List<String> notices) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("measurements", measurements);
        doc.put("notices", notices);
        ReportWriter.writeAtomically(dir.resolve(NAME), JSON.writeValueAsString(doc));
    }
}
