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
 */
public record GradeRequest(String folder, Path repo, Path reportDir, Path rubric, Path overrides, Duration budget, Path log,
                           Path facts) {

    public GradeRequest(String folder, Path repo, Path reportDir, Path rubric, Path overrides, Duration budget, Path log) {
        this(folder, repo, reportDir, rubric, overrides, budget, log, null);
    }
}
