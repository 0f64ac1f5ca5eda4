package ru.mpgu.lab.batch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One grading the batch asks for.
 *
 * @param overrides this student's overrides file, or null
 * @param log       where the child's output goes
 */
public record GradeRequest(String folder, Path repo, Path reportDir, Path rubric, Path overrides, Duration budget, Path log) {
}
