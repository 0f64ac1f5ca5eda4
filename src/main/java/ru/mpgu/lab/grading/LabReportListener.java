package ru.mpgu.lab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import ru.mpgu.lab.output.Attachment;
import ru.mpgu.lab.output.ConsoleSummary;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.output.RunMetadata;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricException;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;
import ru.mpgu.lab.tasks.TaskGroups;

/**
 * Collects a grading from the report entries the task tests publish ({@link RunEvents}) and, when the test
 * plan ends, scores the outcomes against the rubric and writes the reports. Registered through ServiceLoader,
 * so Failsafe gets it with no configuration; {@link LabGrader} registers its own instance. State is per test
 * plan, so a grading launched from inside a running test (self-tests) is kept apart.
 */
public final class LabReportListener implements TestExecutionListener {

    private final Map<TestPlan, Collected> runs = new ConcurrentHashMap<>();
    private volatile GradingResult lastResult;
    private final java.util.function.Predicate<TestPlan> isGrading;

    public LabReportListener() {
        this(LabReportListener::containsTaskGroups);
    }

    /** For tests: which plans are gradings (by default, those with the task groups). */
    LabReportListener(java.util.function.Predicate<TestPlan> isGrading) {
        this.isGrading = isGrading;
    }

    /** What one plan's tests reported. */
    static final class Collected {
        final GradingConfig config;
        final Instant startedAt = Instant.now();
        final Map<String, CheckOutcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, Double> measurements = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> notices = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> attachments = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, Duration> phases = Collections.synchronizedMap(new LinkedHashMap<>());

        Collected(GradingConfig config) {
            this.config = config;
        }

        void add(Map<String, String> entry) {
            RunEvents.outcome(entry).ifPresent(o -> outcomes.put(o.checkId(), o));
            entry.forEach((key, value) -> {
                if (key.startsWith(RunEvents.MEASUREMENT)) {
                    measurements.put(key.substring(RunEvents.MEASUREMENT.length()), Double.parseDouble(value));
                } else if (key.equals(RunEvents.NOTICE)) {
                    notices.add(value);
                } else if (key.startsWith(RunEvents.ATTACHMENT)) {
                    attachments.put(key.substring(RunEvents.ATTACHMENT.length()), value);
                } else if (key.startsWith(RunEvents.PHASE_MILLIS)) {
                    phases.merge(key.substring(RunEvents.PHASE_MILLIS.length()), Duration.ofMillis(Long.parseLong(value)),
                            Duration::plus);
                }
            });
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (isGrading.test(plan)) {
            runs.put(plan, new Collected(GradingConfig.from(plan.getConfigurationParameters()::get)));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        // entries carry no plan; only one grading is collected at a time per listener instance
        runs.values().forEach(run -> run.add(entry.getKeyValuePairs()));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Collected run = runs.remove(plan);
        if (run != null) {
            lastResult = finish(run);
        }
    }

    public Optional<GradingResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    static GradingResult finish(Collected run) {
        Rubric rubric;
        try {
            rubric = RubricLoader.load(run.config.rubric());
        } catch (RubricException e) {
            rubric = RubricLoader.loadBundled();
        }
        ScoreSheet sheet = Scorer.score(rubric, run.outcomes.values(), Overrides.load(run.config));
        Path dir = run.config.reportDir();
        Path repo = run.config.repo();
        List<Attachment> attachments = new ArrayList<>();
        List<String> notices;
        Map<String, Double> measurements;
        synchronized (run.notices) {
            notices = new ArrayList<>(run.notices);
        }
        synchronized (run.measurements) {
            measurements = new LinkedHashMap<>(run.measurements);
        }
        String summary;
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> a : new LinkedHashMap<>(run.attachments).entrySet()) {
                Path file = ReportWriter.writeAtomically(dir.resolve(a.getKey()), a.getValue());
                attachments.add(new Attachment(a.getKey(), file));
            }
            RunMetadata meta = new RunMetadata(repo, run.startedAt, Instant.now(), new LinkedHashMap<>(run.phases),
                    attachments);
            ReportWriter.writeAll(dir, sheet, meta);
            summary = ConsoleSummary.render(sheet, meta);
            MeasurementsFile.write(dir, measurements, notices);
            ru.mpgu.lab.output.PlatformOutputs.fromEnvironment(sheet, meta, System.getenv(), repo).ifPresent(System.out::println);
        } catch (IOException e) {
            summary = "Не удалось записать отчёт в " + dir + ": " + e.getMessage();
        }
        if (!run.config.quiet()) {
            System.out.println(summary);
            notices.forEach(n -> System.out.println("[lab] внимание: " + n));
            System.out.println("[lab] отчёт: " + dir.resolve(ReportWriter.MARKDOWN));
        }
        return new GradingResult(repo, sheet, measurements, dir, summary);
    }

    static boolean containsTaskGroups(TestPlan plan) {
        List<TestIdentifier> pending = new ArrayList<>(plan.getRoots());
        while (!pending.isEmpty()) {
            TestIdentifier id = pending.remove(pending.size() - 1);
            boolean isTask = id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                    .map(s -> s.getClassName().startsWith(TaskGroups.PACKAGE + ".")).orElse(false);
            if (isTask) {
                return true;
            }
            pending.addAll(plan.getChildren(id));
        }
        return false;
    }
}
