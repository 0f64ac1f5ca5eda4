package ru.mpgu.lab.scoring;

import ru.mpgu.lab.rubric.CheckStatus;

import java.util.List;
import java.util.stream.Stream;

/**
 * The whole result.
 *
 * @param infraFailure some check could not run because of the environment: the result is incomplete, not the student's fault
 * @param needsReview  some points are provisional until a teacher looks
 * @param warnings     grader-side inconsistencies (unknown check ids, odd overrides), Russian
 */
public record ScoreSheet(String title, List<CriterionScore> criteria, double total, double max, double passMark,
                         String gradeLabel, boolean passed, boolean infraFailure, boolean needsReview, List<String> warnings) {
    public ScoreSheet {
        criteria = List.copyOf(criteria);
        warnings = List.copyOf(warnings);
    }

    public Stream<CheckLine> allChecks() {
        return criteria.stream().flatMap(c -> c.checks().stream());
    }

    public List<CheckLine> checksWith(CheckStatus status) {
        return allChecks().filter(c -> c.status() == status).toList();
    }

    /** Checks the student should fix, in rubric order. */
    public List<CheckLine> toFix() {
        return allChecks().filter(CheckLine::needsFix).toList();
    }
}
