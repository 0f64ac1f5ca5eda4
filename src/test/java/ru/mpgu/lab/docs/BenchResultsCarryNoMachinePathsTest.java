package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The recorded figures travel with the kit; the paths of the machine that measured them do not exist elsewhere. */
class BenchResultsCarryNoMachinePathsTest {

    /** A host path anywhere in the file: a home, a work or a temporary folder of the measuring machine. */
    static final Pattern HOST_PATH = Pattern.compile("(?<![\\w./-])(?:/work|/tmp|/home|/root|/var/tmp)/[\\w.+-]+(?:/[\\w.+-]+)*");

    @Test
    void noResultFileNamesAPathOfTheMachineThatMeasured() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("bench/results"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Matcher m = HOST_PATH.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(p + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void thePatternFindsAHostPathAndLeavesARepositoryPath() {
        assertThat(HOST_PATH.matcher("\"corpus\" : \"/work/main/teacher/answers-corpus\"").find()).isTrue();
        assertThat(HOST_PATH.matcher("\"dir\": \"/tmp/kitp/kit\"").find()).isTrue();
        assertThat(HOST_PATH.matcher("108.9 s, rc 0 (/tmp/lab-batch-bench.NK9aK8/verify-old2.log)").find()).isTrue();
        assertThat(HOST_PATH.matcher("\"corpus\" : \"teacher/answers-corpus\"").find()).isFalse();
    }
}
