package ru.mpgu.lab.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ru.mpgu.lab.report.ReportParser;

/** What can be told about a submission folder without Docker: the flags it gets before grading. */
public final class SubmissionInspector {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SubmissionInspector() {
    }

    public static List<String> preflight(Path dir) {
        List<String> flags = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                flags.add(Flags.EMPTY);
                return flags;
            }
        } catch (IOException e) {
            flags.add(Flags.EMPTY);
            return flags;
        }
        if (!Files.exists(dir.resolve(".git"))) {
            flags.add(Flags.NOT_A_REPOSITORY);
        }
        Path compose = dir.resolve("docker-compose.yml");
        if (!Files.isRegularFile(compose)) {
            flags.add(Flags.NO_COMPOSE);
        } else if (!parses(compose)) {
            flags.add(Flags.COMPOSE_UNPARSABLE);
        }
        if (!Files.isRegularFile(dir.resolve(ReportParser.DEFAULT_PATH))) {
            flags.add(Flags.NO_REPORT);
        }
        return flags;
    }

    /** Grading a folder with nothing in it is pointless; everything else is graded and the grading tells what is wrong. */
    public static boolean gradable(List<String> preflightFlags) {
        return !preflightFlags.contains(Flags.EMPTY);
    }

    static boolean parses(Path compose) {
        try {
            var root = YAML.readTree(compose.toFile());
            return root != null && root.isObject() && root.path("services").isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
