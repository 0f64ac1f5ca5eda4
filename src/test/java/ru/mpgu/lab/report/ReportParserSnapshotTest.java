package ru.mpgu.lab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Equivalence net for {@link ReportParser}: every report-like Markdown in the repository (fixtures, the template,
 * the answers corpus, every input the other tests parse, captured once, and hand-written edge cases) must parse
 * to the JSON recorded from the line-based parser. Regenerate only on purpose: {@code REPORT_SNAPSHOTS_WRITE=1}.
 */
class ReportParserSnapshotTest {

    static final Path SNAPSHOTS = Path.of("src/test/resources/report-parser-snapshots");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static List<Path> corpus() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(Path.of(ReportParser.DEFAULT_PATH));
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.list(Path.of("teacher/answers-corpus/reports"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    static String snapshotOf(Path input) throws IOException {
        ObjectNode tree = JSON.valueToTree(ReportParser.parse(input));
        tree.put("source", input.toString().replace('\\', '/'));
        return JSON.writeValueAsString(tree) + "\n";
    }

    static Path snapshotFile(Path input) {
        return SNAPSHOTS.resolve(input.toString().replace('\\', '/').replace('/', '_') + ".json");
    }

    @TestFactory
    Stream<DynamicTest> everyReportParsesAsRecorded() throws IOException {
        boolean write = "1".equals(System.getenv("REPORT_SNAPSHOTS_WRITE"));
        return corpus().stream().map(input -> DynamicTest.dynamicTest(input.toString(), () -> {
            String actual = snapshotOf(input);
            Path file = snapshotFile(input);
            if (write) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("snapshot of %s (generate with REPORT_SNAPSHOTS_WRITE=1)", input).exists();
            assertThat(actual).as("parse of %s", input).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }));
    }

    @Test
    void corpusCoversFixturesAndCapturedInputs() throws IOException {
        List<Path> c = corpus();
        assertThat(c).hasSizeGreaterThan(50);
        assertThat(c).anySatisfy(p -> assertThat(p.toString()).contains("fixtures/model/report"));
        assertThat(c).anySatisfy(p -> assertThat(p.toString()).contains("cp1251"));
        try (Stream<Path> s = Files.list(SNAPSHOTS)) {
            assertThat(s.filter(p -> p.toString().endsWith(".json")).count()).as("no stale snapshots").isEqualTo(c.size());
        }
    }
}
