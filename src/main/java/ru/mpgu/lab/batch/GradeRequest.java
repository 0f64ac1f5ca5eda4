package ru.mpgu.lab.batch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One grading the batch asks for.
 *
 * @param overrides this student's overrides file, or null
 * @param log       where the child's output goes
 * @param facts     the stack facts file of this submission's stack (replayed when present, else measured and
 *                  written there), or null: measure and keep nothing
 * @param rosterVariant the variant code the class list gives this student, or null (no roster, or not in it)
 */
public record GradeRequest(String folder, Path repo, Path reportDir, Path rubric, Path overrides, Duration budget, Path log,
                           Path facts, String rosterVariant) {

    public GradeRequest(String folder, Path repo, Path reportDir, Path rubric, Path overrides, Duration budget, Path log,
                        Path facts) {
        this(folder, repo, reportDir, rubric, overrides, budget, log, facts, null);
    }

    public GradeRequest(String folder, Path repo, Path reportDir, Path rubric, Path overrides, Duration budget, Path log) {
        this(folder, repo, reportDir, rubric, overrides, budget, log, null);
    }
}
