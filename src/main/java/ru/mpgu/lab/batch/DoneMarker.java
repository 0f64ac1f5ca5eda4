package ru.mpgu.lab.batch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import ru.mpgu.lab.output.ReportWriter;

/**
 * done.json in a student's output folder: the submission's content hash and the finished gradebook row.
 * A later batch skips the student while the hash is unchanged.
 */
public record DoneMarker(String hash, Instant gradedAt, GradebookRow row) {

    public static final String FILE_NAME = "done.json";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path studentDir) throws IOException {
        ReportWriter.writeAtomically(studentDir.resolve(FILE_NAME), JSON.writeValueAsString(
                java.util.Map.of("hash", hash, "gradedAt", gradedAt.toString(), "row", row)));
    }

    /** The marker, or empty when there is none or it cannot be read (then the student is graded again). */
    public static Optional<DoneMarker> read(Path studentDir) {
        Path file = studentDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var root = JSON.readTree(file.toFile());
            GradebookRow row = JSON.treeToValue(root.path("row"), GradebookRow.class);
            return Optional.of(new DoneMarker(root.path("hash").asText(), Instant.parse(root.path("gradedAt").asText()), row));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
