package ru.mpgu.lab.report;

import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;

import java.util.ArrayList;
import java.util.List;

/** Checks that need only the parsed report. */
public final class ReportChecks {

    public static final String REPORT_COMPLETE = "explanation.report_complete";

    private ReportChecks() {
    }

    /** Name, group, five answers and the numbers of both runs are filled; the share filled is the fraction. */
    public static CheckOutcome reportComplete(LabReport report) {
        if (!report.readable()) {
            String why = report.problems().isEmpty() ? "" : " " + report.problems().get(0).message();
            return CheckOutcome.failed(REPORT_COMPLETE, "Файл отчёта не прочитан." + why);
        }
        List<String> missing = new ArrayList<>();
        int total = 0;
        total++;
        if (report.studentName().isBlank()) {
            missing.add("ФИО");
        }
        total++;
        if (report.group().isBlank()) {
            missing.add("группа");
        }
        for (int q = 1; q <= 5; q++) {
            total++;
            if (report.answer(q).isBlank()) {
                missing.add("ответ " + q);
            }
        }
        total++;
        if (report.answer(ReportParser.CONCLUSION).isBlank()) {
            missing.add("вывод");
        }
        total += checkRun(report.baseline(), "базовый прогон", missing);
        total += checkRun(report.oneReplica(), "прогон 1", missing);
        total += checkRun(report.threeReplicas(), "прогон 2", missing);
        total++;
        if (!report.database().hasStats() && !report.database().hasScreenshot()) {
            missing.add("база данных при трёх репликах web");
        }
        if (missing.isEmpty()) {
            return CheckOutcome.passed(REPORT_COMPLETE, "Отчёт заполнен полностью.");
        }
        double fraction = (total - missing.size()) / (double) total;
        List<String> details = report.problems().stream().map(ReportProblem::toString).toList();
        return new CheckOutcome(REPORT_COMPLETE, fraction > 0 ? CheckStatus.PARTIAL : CheckStatus.FAILED, fraction,
                "В отчёте не заполнено: " + String.join(", ", missing) + ".", details);
    }

    private static int checkRun(RunSection run, String name, List<String> missing) {
        if (!run.hasWrkOutput()) {
            missing.add(name + ": вывод wrk");
        }
        FilledNumbers n = run.numbers();
        if (n.latencyMillis() == null) {
            missing.add(name + ": средняя задержка");
        }
        if (n.errors() == null) {
            missing.add(name + ": ошибки");
        }
        if (n.requestsPerSec() == null) {
            missing.add(name + ": Requests/sec");
        }
        return 4;
    }
}
