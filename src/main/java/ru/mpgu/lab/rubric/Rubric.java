package ru.mpgu.lab.rubric;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The grading table of the lab, as loaded from rubric.yaml.
 *
 * @param roundingStep earned points of every check are rounded to this step (half up)
 */
public record Rubric(Path source, String title, double total, double passMark, double roundingStep,
                     List<GradeBand> gradeScale, List<Criterion> criteria) {

    public Rubric {
        gradeScale = List.copyOf(gradeScale);
        criteria = List.copyOf(criteria);
    }

    public Stream<Check> allChecks() {
        return criteria.stream().flatMap(c -> c.checks().stream());
    }

    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Check> check(String id) {
        return allChecks().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The criterion that owns a check. */
    public Optional<Criterion> criterionOf(String checkId) {
        return criteria.stream().filter(c -> c.checks().stream().anyMatch(k -> k.id().equals(checkId))).findFirst();
    }

    /** The check that grades the written answer to question {@code number} (1..5). */
    public Optional<Check> answerCheck(int number) {
        return allChecks().filter(c -> c.answer() != null && c.answer().number() == number).findFirst();
    }

    /** Label of the highest band whose min_points is reached. */
    public String gradeLabel(double points) {
        String label = "";
        for (GradeBand band : gradeScale) {
            if (points + 1e-9 >= band.minPoints()) {
                label = band.label();
            }
        }
        return label;
    }
}
