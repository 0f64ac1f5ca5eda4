package ru.mpgu.lab.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import ru.mpgu.lab.tasks.TaskGroups;

/**
 * Grades one repository from code (CLI, batch, self-tests): launches the five task groups through the
 * JUnit Platform, exactly as Failsafe does for `./mvnw verify`, and returns the scored result.
 */
public final class LabGrader {

    private LabGrader() {
    }

    public static GradingResult grade(GradingConfig config) {
        LabReportListener listener = new LabReportListener();
        // Our own listener instance only: the ServiceLoader one would write a second report.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(TaskGroups.PACKAGE))
                .configurationParameters(Map.of(
                        GradingConfig.REPO, config.repo().toString(),
                        GradingConfig.REPORT_DIR, config.reportDir().toString(),
                        GradingConfig.RUBRIC, config.rubric().toString(),
                        GradingConfig.QUIET, String.valueOf(config.quiet()),
                        GradingConfig.OVERRIDES, config.overrides() == null ? "" : config.overrides().toString(),
                        GradingConfig.FACTS, config.facts() == null ? "" : config.facts().toString(),
                        GradingConfig.REPORT_ONLY, String.valueOf(config.reportOnly()),
                        GradingConfig.ROSTER_VARIANT, config.rosterVariant() == null ? "" : config.rosterVariant()))
                .build();
        launcher.execute(request, listener);
        return listener.lastResult().orElseThrow(() ->
                new IllegalStateException("задания не запустились: в сборке нет классов " + TaskGroups.PACKAGE));
    }
}
