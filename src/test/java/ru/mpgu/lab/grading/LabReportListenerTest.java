package ru.mpgu.lab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;

/** The listener in-process: it scores only what the tests published, and writes the reports. */
class LabReportListenerTest {

    @TempDir
    Path work;

    @ExtendWith(GradingExtension.class)
    static class TwoChecks {
        @Test
        @RubricCheck("launch.answer1")
        void passes(LabRun lab) {
            lab.measured("rps_1_replica", 123.5);
            lab.notice("заметка проверки");
            lab.attach("service-logs.txt", "web | started");
            lab.timer().add("разбор отчёта", java.time.Duration.ofMillis(1500));
        }

        @Test
        @RubricCheck("load.answer2")
        void partial(LabRun lab) {
            Verdicts.expect(lab, CheckOutcome.partial("load.answer2", 0.5, "половина ответа"));
        }
    }

    /** `./mvnw verify` runs the task groups through a suite (LabGradingIT): entries must arrive through it too. */
    @org.junit.platform.suite.api.Suite
    @org.junit.platform.suite.api.SelectClasses(TwoChecks.class)
    static class TwoChecksSuite {
    }

    @Test
    void outcomesArriveThroughTheSuiteEngineAsUnderFailsafe() throws Exception {
        Path repo = Files.createDirectories(work.resolve("repo"));
        LabReportListener listener = new LabReportListener(plan -> true);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(TwoChecksSuite.class))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("junit-platform-suite"))
                .configurationParameters(Map.of(GradingConfig.REPO, repo.toString(), GradingConfig.REPORT_DIR,
                        work.resolve("suite-reports").toString(), GradingConfig.RUBRIC, GradingExtensionTest.RUBRIC.toString(),
                        GradingConfig.QUIET, "true"))
                .build(), listener);
        GradingResult result = listener.lastResult().orElseThrow();
        assertThat(result.sheet().allChecks().filter(l -> l.checkId().equals("launch.answer1")).findFirst().orElseThrow().status())
                .isEqualTo(CheckStatus.PASSED);
        assertThat(result.measurements()).containsEntry("rps_1_replica", 123.5);
        assertThat(result.reportDir()).isEqualTo(work.resolve("suite-reports"));
    }

    @Test
    void scoresThePublishedOutcomesAndWritesTheReports() throws Exception {
        Path repo = Files.createDirectories(work.resolve("repo"));
        Path reports = work.resolve("reports");
        LabReportListener listener = new LabReportListener(plan -> true);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(TwoChecks.class))
                .configurationParameters(Map.of(GradingConfig.REPO, repo.toString(), GradingConfig.REPORT_DIR, reports.toString(),
                        GradingConfig.RUBRIC, GradingExtensionTest.RUBRIC.toString(), GradingConfig.QUIET, "true"))
                .build(), listener);

        GradingResult result = listener.lastResult().orElseThrow();
        CheckLine answer1 = result.sheet().allChecks().filter(l -> l.checkId().equals("launch.answer1")).findFirst().orElseThrow();
        CheckLine answer2 = result.sheet().allChecks().filter(l -> l.checkId().equals("load.answer2")).findFirst().orElseThrow();
        assertThat(answer1.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(answer2.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(answer2.earned()).as("half the points, rounded as the rubric says").isStrictlyBetween(0.0, answer2.max());
        assertThat(result.sheet().allChecks().filter(l -> l.checkId().equals("load.no_errors")).findFirst().orElseThrow().status())
                .as("a check no test reported").isNotIn(CheckStatus.PASSED, CheckStatus.PARTIAL);
        assertThat(result.measurements()).containsEntry("rps_1_replica", 123.5);
        assertThat(reports.resolve("service-logs.txt")).hasContent("web | started");
        assertThat(reports.resolve("report.md")).exists();
        var measurements = new ObjectMapper().readTree(reports.resolve(MeasurementsFile.NAME).toFile());
        assertThat(measurements.path("notices").toString()).contains("заметка проверки");
        assertThat(Files.readString(reports.resolve("report.md"))).as("phase timings, published when JUnit closes the run")
                .contains("разбор отчёта");
    }
}
