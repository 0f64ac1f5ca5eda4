package ru.mpgu.lab.checks;

import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.report.ReportChecks;
import ru.mpgu.lab.report.ScreenshotInspector;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;

/** Checks that read only the student's report: answers, screenshots, completeness. */
public final class ReportBasedChecks {

    private ReportBasedChecks() {
    }

    public static CheckOutcome answer(LabRun lab, int question) {
        AnswerGrader grader = new AnswerGrader(lab.rubric());
        return grader.grade(question, lab.report().answer(question), AnswerGrader.runsOf(lab.report()));
    }

    public static CheckOutcome ordersScreenshot(LabRun lab, Check check) {
        return ru.mpgu.lab.variant.OwnStand.ordersScreenshot(ScreenshotInspector.inspect(check, lab.repo(),
                lab.report().ordersScreenshot(), "скриншот /orders"), lab.repo(), lab.report().ordersScreenshot().path());
    }

    public static CheckOutcome grafanaScreenshot(LabRun lab, Check check) {
        return ScreenshotInspector.inspect(check, lab.repo(),
                lab.report().grafanaScreenshot(), "скриншот Grafana");
    }

    public static CheckOutcome reportComplete(LabRun lab) {
        return ReportChecks.reportComplete(lab.report());
    }
}
