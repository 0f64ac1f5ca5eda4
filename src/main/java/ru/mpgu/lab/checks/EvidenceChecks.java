package ru.mpgu.lab.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.report.DatabaseEvidence;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportRun;
import ru.mpgu.lab.report.ScreenshotInspector;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * The evidence the report asks for beyond the two c30 runs: the -c1 baseline (answers 1 and 2 rest on it) and
 * the database at its CPU limit with three web replicas (answer 5 rests on it).
 */
public final class EvidenceChecks {

    private EvidenceChecks() {
    }

    /** The -c1 baseline run: real, as the task sheet says, consistent, and faster than the c30 run. */
    public static CheckOutcome baselineRun(LabRun lab) {
        Check check = lab.check("launch.wrk_baseline");
        LabReport report = lab.report();
        String runName = ReportRun.BASELINE.title();
        CheckOutcome valid = WrkChecks.outputValid(check, report.baseline(), runName);
        if (valid.fraction() == 0) {
            return valid;
        }
        CheckOutcome consistent = WrkChecks.consistent(check, report.baseline(), runName);
        double fraction = (valid.fraction() + consistent.fraction()) / 2;
        List<String> details = new ArrayList<>(consistent.details());
        String message = fraction >= 1 ? valid.message()
                : (valid.fraction() < 1 ? valid.message() + "; " : "") + consistent.message();
        Optional<WrkResult> base = WrkChecks.parse(report.baseline());
        Optional<WrkResult> loaded = WrkChecks.parse(report.oneReplica());
        if (base.isPresent() && loaded.isPresent() && base.get().latency().avg() >= loaded.get().latency().avg()) {
            fraction = Math.min(fraction, 0.5);
            message = String.format(Locale.ROOT, "у одного соединения средняя задержка %.1f мс не меньше, чем у 30 соединений (%.1f мс):"
                    + " так не бывает, проверьте, что прогоны не перепутаны", base.get().latency().avg() / 1000,
                    loaded.get().latency().avg() / 1000);
        }
        if (fraction >= 1) {
            return CheckOutcome.passed(check.id(), message).withDetails(details);
        }
        return CheckOutcome.partial(check.id(), fraction, message).withDetails(details);
    }

    /** `docker stats` lines showing db near its CPU limit during run 2, or the dashboard's database panel. */
    public static CheckOutcome databaseAtItsLimit(LabRun lab) {
        Check check = lab.check("explanation.db_evidence");
        DatabaseEvidence evidence = lab.report().database();
        if (!evidence.hasStats() && !evidence.hasScreenshot()) {
            return CheckOutcome.failed(check.id(), "в разделе «База данных при трёх репликах web» нет ни строк docker stats, ни скриншота панели базы данных");
        }
        if (!evidence.hasStats()) {
            CheckOutcome picture = ScreenshotInspector.inspect(check, lab.repo(), evidence.screenshot(), "панели базы данных");
            return picture;
        }
        double limit = DockerStatsLines.dbCpuLimit(lab.repo()).orElse(check.doubleParam("db_cpu_limit_cores", 0.4));
        double minShare = check.doubleParam("min_share_of_limit", 0.7);
        int replicas = check.intParam("web_replicas", 3);
        DockerStatsLines stats = DockerStatsLines.parse(evidence.statsText());
        String where = "строка " + evidence.statsLine() + " отчёта: ";
        if (stats.dbCpuPercent().isEmpty()) {
            return CheckOutcome.failed(check.id(), where + "среди вставленных строк нет строки docker stats контейнера db"
                    + " (имя вида …-db-1 и столбец CPU %)");
        }
        double cpu = stats.dbCpuPercent().getAsDouble();
        double share = cpu / 100 / limit;
        String figure = String.format(Locale.ROOT, "db: CPU %.1f %% из %.2f ядра по docker-compose.yml = %.0f %%",
                cpu, limit, share * 100);
        if (cpu / 100 > limit * 1.15) {
            return CheckOutcome.failed(check.id(), where + figure + ": больше лимита docker stats не показывает, строка правилась вручную");
        }
        List<String> problems = new ArrayList<>();
        if (share < minShare) {
            problems.add(figure + ", а нужно хотя бы " + Math.round(minShare * 100)
                    + " %: снимите docker stats во время прогона 2, пока идёт wrk");
        }
        if (stats.webLines() > 0 && stats.webLines() < replicas) {
            problems.add("в строках видно реплик web: " + stats.webLines() + ", а прогон 2 идёт на " + replicas);
        }
        if (problems.isEmpty()) {
            return CheckOutcome.passed(check.id(), figure + (stats.webLines() > 0 ? ", реплик web в строках: " + stats.webLines() : ""));
        }
        return CheckOutcome.partial(check.id(), 0.5, where + String.join("; ", problems));
    }
}
