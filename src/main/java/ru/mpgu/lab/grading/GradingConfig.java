package ru.mpgu.lab.grading;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to grade and where to write the result, read from JUnit configuration parameters
 * (which also come from -D system properties, e.g. ./mvnw verify -Dlab.repo=../student).
 */
public record GradingConfig(Path repo, Path reportDir, Path rubric, boolean quiet, Path overrides, Path facts, boolean reportOnly,
                            String rosterVariant) {

    public static final String REPO = "lab.repo";
    public static final String REPORT_DIR = "lab.report.dir";
    public static final String RUBRIC = "lab.rubric";
    public static final String QUIET = "lab.quiet";
    /** A YAML file of teacher's manual overrides for this repository (see {@link Overrides}). */
    public static final String OVERRIDES = "lab.overrides";
    /**
     * A stack facts file (JSON, see {@link ru.mpgu.lab.facts.StackFacts}): when it holds facts measured on this
     * repository's stack files, the live checks replay them and no stack is booted; otherwise the stack is
     * measured and the facts are written there. The batch uses it to measure each distinct stack once.
     */
    public static final String FACTS = "lab.facts";
    /** Grade the report only, without booting the stack (platforms without Docker, e.g. Gradescope). */
    public static final String REPORT_ONLY = "lab.reportOnly";

    /**
     * The variant code the teacher's class list gives this student (the batch passes it): the stand evidence is
     * compared with it when the repository's .env names no variant.
     */
    public static final String ROSTER_VARIANT = "lab.rosterVariant";

    public GradingConfig(Path repo, Path reportDir, Path rubric, boolean quiet, Path overrides, Path facts, boolean reportOnly) {
        this(repo, reportDir, rubric, quiet, overrides, facts, reportOnly, null);
    }

    public GradingConfig withRosterVariant(String code) {
        return new GradingConfig(repo, reportDir, rubric, quiet, overrides, facts, reportOnly, code == null || code.isBlank() ? null : code.strip());
    }

    /** Grade {@code repo} with its own rubric.yaml, reports into {@code <repo>/target/lab-report}. */
    public static GradingConfig forRepo(Path repo) {
        return from(key -> key.equals(REPO) ? java.util.Optional.of(repo.toString()) : java.util.Optional.empty());
    }

    public GradingConfig withReportDir(Path dir) {
        return new GradingConfig(repo, dir.toAbsolutePath().normalize(), rubric, quiet, overrides, facts, reportOnly, rosterVariant);
    }

    public GradingConfig withRubric(Path file) {
        return new GradingConfig(repo, reportDir, file.toAbsolutePath().normalize(), quiet, overrides, facts, reportOnly, rosterVariant);
    }

    public GradingConfig withOverrides(Path file) {
        return new GradingConfig(repo, reportDir, rubric, quiet, file == null ? null : file.toAbsolutePath().normalize(), facts, reportOnly, rosterVariant);
    }

    public GradingConfig quietly(boolean value) {
        return new GradingConfig(repo, reportDir, rubric, value, overrides, facts, reportOnly, rosterVariant);
    }

    public GradingConfig withFacts(Path file) {
        return new GradingConfig(repo, reportDir, rubric, quiet, overrides, file == null ? null : file.toAbsolutePath().normalize(), reportOnly, rosterVariant);
    }

    public GradingConfig reportOnly(boolean value) {
        return new GradingConfig(repo, reportDir, rubric, quiet, overrides, facts, value, rosterVariant);
    }

    public static GradingConfig from(Function<String, Optional<String>> parameters) {
        Path repo = Path.of(parameters.apply(REPO).filter(s -> !s.isBlank()).orElse(".")).toAbsolutePath().normalize();
        // A mistyped -Dlab.repo must not create folders there: the report then goes to the current folder.
        Path reportHome = java.nio.file.Files.isDirectory(repo) ? repo : Path.of("").toAbsolutePath();
        Path reportDir = parameters.apply(REPORT_DIR).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(reportHome.resolve("target").resolve("lab-report")).toAbsolutePath().normalize();
        Path rubric = parameters.apply(RUBRIC).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(repo.resolve("rubric.yaml")).toAbsolutePath().normalize();
        boolean quiet = parameters.apply(QUIET).map(Boolean::parseBoolean).orElse(false);
        Path overrides = parameters.apply(OVERRIDES).filter(s -> !s.isBlank()).map(Path::of)
                .map(p -> p.toAbsolutePath().normalize()).orElse(null);
        Path facts = parameters.apply(FACTS).filter(s -> !s.isBlank()).map(Path::of)
                .map(p -> p.toAbsolutePath().normalize()).orElse(null);
        boolean reportOnly = parameters.apply(REPORT_ONLY).map(Boolean::parseBoolean).orElse(false);
        String rosterVariant = parameters.apply(ROSTER_VARIANT).filter(s -> !s.isBlank()).orElse(null);
        return new GradingConfig(repo, reportDir, rubric, quiet, overrides, facts, reportOnly, rosterVariant);
    }
}
