package ru.mpgu.lab.batch;

/** Grades one submission for the batch: a child JVM in real use, canned results in tests. */
public interface SubmissionGrader {

    GradingOutcome grade(GradeRequest request);

    /** Ctrl-C: stop whatever grading is running now. */
    default void abortCurrent() {
    }
}
