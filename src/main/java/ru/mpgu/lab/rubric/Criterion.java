package ru.mpgu.lab.rubric;

import java.util.List;

/** One row of the lab's grading table (2 points each), split into checks. */
public record Criterion(String id, String title, double points, List<Check> checks) {
    public Criterion {
        checks = List.copyOf(checks);
    }
}
