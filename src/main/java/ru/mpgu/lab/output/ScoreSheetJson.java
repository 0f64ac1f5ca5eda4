package ru.mpgu.lab.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ru.mpgu.lab.scoring.ScoreSheet;

/** sheet.json: the whole {@link ScoreSheet}, as `lab grade` hands it to the batch that started it. */
public final class ScoreSheetJson {

    public static final String FILE_NAME = "sheet.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScoreSheetJson() {
    }

    public static Path write(Path dir, ScoreSheet sheet) throws IOException {
        return ReportWriter.writeAtomically(dir.resolve(FILE_NAME), JSON.writeValueAsString(sheet));
    }

    public static ScoreSheet read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file), ScoreSheet.class);
    }
}
