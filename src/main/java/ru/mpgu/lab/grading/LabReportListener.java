package ru.mpgu.lab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import ru.mpgu.lab.output.Attachment;
import ru.mpgu.lab.output.ConsoleSummary;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.output.RunMetadata;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;
import ru.mpgu.lab.tasks.TaskGroups;

/**
 * Opens a {@link LabRun} when a test plan with task groups starts, and when it ends: stops the stack,
 * scores the outcomes against the rubric and writes the reports. Registered through ServiceLoader, so
 * Failsafe gets it with no configuration; {@link LabGrader} registers its own instance.
 */
public final class LabReportListener implements TestExecutionListener {

    private final Map<TestPlan, LabRun> runs = new IdentityHashMap<>();
    private volatile GradingResult lastResult;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (!containsTaskGroups(plan)) {
            return;
        }
        GradingConfig config = GradingConfig.from(plan.getConfigurationParameters()::get);
        LabRun run = new LabRun(config);
        run.progress("проверяю " + config.repo());
        if (!java.nio.file.Files.isDirectory(config.repo())) {
            run.notice("папки " + config.repo() + " нет: проверьте путь в -Dlab.repo / --repo");
        }
        IntegrityWarning.check(run);
        runs.put(plan, run);
        LabRuns.push(run);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        LabRun run = runs.remove(plan);
        if (run == null) {
            return;
        }
        LabRuns.pop();
        run.close();
        lastResult = finish(run);
    }

    public Optional<GradingResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    static GradingResult finish(LabRun run) {
        ScoreSheet sheet = Scorer.score(run.rubric(), run.outcomes().values(), Overrides.load(run.config()));
        Path dir = run.config().reportDir();
        List<Attachment> attachments = new ArrayList<>();
        String summary;
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> a : run.attachments().entrySet()) {
                Path file = ReportWriter.writeAtomically(dir.resolve(a.getKey()), a.getValue());
                attachments.add(new Attachment(a.getKey(), file));
            }
            RunMetadata meta = new RunMetadata(run.repo(), run.startedAt(), Instant.now(), run.timer().snapshot(),
                    attachments);
            ReportWriter.writeAll(dir, sheet, meta);
            summary = ConsoleSummary.render(sheet, meta);
            MeasurementsFile.write(dir, run.measurements(), run.notices());
            ru.mpgu.lab.output.PlatformOutputs.fromEnvironment(sheet, meta, System.getenv(), run.repo()).ifPresent(System.out::println);
        } catch (IOException e) {
            summary = "Не удалось записать отчёт в " + dir + ": " + e.getMessage();
        }
        if (!run.config().quiet()) {
            System.out.println(summary);
            run.notices().forEach(n -> System.out.println("[lab] внимание: " + n));
            System.out.println("[lab] отчёт: " + dir.resolve(ReportWriter.MARKDOWN));
        }
        return new GradingResult(run.repo(), sheet, run.measurements(), dir, summary);
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
