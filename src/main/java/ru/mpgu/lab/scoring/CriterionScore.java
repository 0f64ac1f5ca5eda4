package ru.mpgu.lab.scoring;

import java.util.List;

/** Points of one row of the lab's grading table. {@code override} is the teacher's, or null. */
public record CriterionScore(String id, String title, double earned, double max, List<CheckLine> checks, ScoreOverride override) {
    public CriterionScore {
        checks = List.copyOf(checks);
    }
}
