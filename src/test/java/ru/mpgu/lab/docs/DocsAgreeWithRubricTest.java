package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.Criterion;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

/** The task sheets and the teacher guide must promise the same checks, points and questions as rubric.yaml. */
class DocsAgreeWithRubricTest {

    private static final Pattern CHECK_ROW = Pattern.compile("^\\|\\s*`([a-z]+\\.[a-z0-9_]+)`\\s*\\|.*\\|\\s*([0-9]+(?:,[0-9]+)?)\\s*\\|\\s*$",
            Pattern.MULTILINE);
    private static final Pattern CRITERION = Pattern.compile("Критерий «([^»]+)» — ([0-9]+(?:,[0-9]+)?) балл");

    private final Rubric rubric = RubricLoader.load(Path.of("rubric.yaml"));

    private static String sheets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("tasks"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        }
    }

    @Test
    void everyPointsTableRowMatchesTheRubric() throws IOException {
        Matcher m = CHECK_ROW.matcher(sheets());
        Map<String, Double> seen = new HashMap<>();
        while (m.find()) {
            String id = m.group(1);
            double points = Double.parseDouble(m.group(2).replace(',', '.'));
            Check check = rubric.check(id).orElse(null);
            assertThat(check).as("tasks/ mention a check that rubric.yaml lacks: " + id).isNotNull();
            assertThat(points).as("points of " + id + " in tasks/ vs rubric.yaml").isEqualTo(check.points());
            seen.put(id, points);
        }
        List<String> ids = rubric.allChecks().map(Check::id).toList();
        assertThat(seen.keySet()).as("every rubric check is explained to the students").containsAll(ids);
    }

    @Test
    void criterionTotalsMatch() throws IOException {
        Matcher m = CRITERION.matcher(sheets());
        int found = 0;
        while (m.find()) {
            String title = m.group(1);
            Criterion criterion = rubric.criteria().stream().filter(c -> c.title().equals(title)).findFirst().orElse(null);
            assertThat(criterion).as("criterion «" + title + "» in tasks/").isNotNull();
            assertThat(Double.parseDouble(m.group(2).replace(',', '.'))).isEqualTo(criterion.points());
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(rubric.criteria().size());
    }

    @Test
    void theQuestionsAreQuotedVerbatim() throws IOException {
        String sheets = sheets();
        String report = Files.readString(Path.of("report/REPORT.md"));
        rubric.allChecks().filter(c -> c.answer() != null).forEach(c -> {
            String question = c.answer().question();
            assertThat(sheets).as("tasks/ quote question " + c.id()).contains(question);
            assertThat(report).as("report template asks " + c.id()).contains(question);
        });
    }
}
