package ru.mpgu.lab.grading;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to grade and where to write the result, read from JUnit configuration parameters
 * (which also come from -D system properties, e.g. ./mvnw verify -Dlab.repo=../student).
 */
public record GradingConfig(Path repo, Path reportDir, Path rubric, boolean quiet) {

    public static final String REPO = "lab.repo";
    public static final String REPORT_DIR = "lab.report.dir";
    public static final String RUBRIC = "lab.rubric";
    public static final String QUIET = "lab.quiet";

    public static GradingConfig from(Function<String, Optional<String>> parameters) {
        Path repo = Path.of(parameters.apply(REPO).filter(s -> !s.isBlank()).orElse(".")).toAbsolutePath().normalize();
        Path reportDir = parameters.apply(REPORT_DIR).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(repo.resolve("target").resolve("lab-report")).toAbsolutePath().normalize();
        Path rubric = parameters.apply(RUBRIC).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(repo.resolve("rubric.yaml")).toAbsolutePath().normalize();
        boolean quiet = parameters.apply(QUIET).map(Boolean::parseBoolean).orElse(false);
        return new GradingConfig(repo, reportDir, rubric, quiet);
    }
}
