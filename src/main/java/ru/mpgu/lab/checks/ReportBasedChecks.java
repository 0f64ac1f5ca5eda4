package ru.mpgu.lab.checks;

import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.report.ReportChecks;
import ru.mpgu.lab.report.ScreenshotInspector;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.params.CheckParams;

/** Checks that read only the student's report: answers, screenshots, completeness. */
public final class ReportBasedChecks {

    private ReportBasedChecks() {
    }

    public static CheckOutcome answer(LabRun lab, int question) {
        Check check = lab.rubric().answerCheck(question)
                .orElseThrow(() -> new IllegalStateException("в rubric.yaml нет проверки ответа " + question));
        String text = lab.report().answer(question);
        if (check.answer().formOnly()) {
            return AnswerForm.feedback(check, text); // student's public rubric: no answer key
        }
        CheckOutcome graded = new AnswerGrader(lab.rubric()).grade(question, text, AnswerGrader.runsOf(lab.report()));
        return PublishedHints.screen(lab.rubric(), check, text, graded);
    }

    public static CheckOutcome ordersScreenshot(LabRun lab, Check check) {
        return ru.mpgu.lab.variant.OwnStand.ordersScreenshot(ScreenshotInspector.inspect(check, lab.repo(),
                lab.report().ordersScreenshot(), "скриншот /orders"), lab.repo(), lab.report().ordersScreenshot().path(),
                lab.stand(), CheckParams.variantRequired(check));
    }

    public static CheckOutcome grafanaScreenshot(LabRun lab, Check check) {
        return ru.mpgu.lab.variant.OwnStand.grafanaScreenshot(ScreenshotInspector.inspect(check, lab.repo(),
                lab.report().grafanaScreenshot(), "скриншот Grafana"), lab.repo(), lab.report().grafanaScreenshot().path(),
                lab.stand(), CheckParams.variantRequired(check));
    }

    public static CheckOutcome reportComplete(LabRun lab) {
        return ReportChecks.reportComplete(lab.report());
    }
}
