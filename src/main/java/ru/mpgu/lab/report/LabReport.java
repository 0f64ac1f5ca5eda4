package ru.mpgu.lab.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the student wrote in report/REPORT.md. Never null fields; missing parts are empty and explained in {@link #problems()}.
 *
 * @param readable false when the file could not be read at all (missing, too big, binary)
 */
public record LabReport(Path source, boolean readable, String studentName, String group,
                        Map<Integer, Answer> answers, RunSection oneReplica, RunSection threeReplicas,
                        ScreenshotRef ordersScreenshot, ScreenshotRef grafanaScreenshot,
                        List<ReportProblem> problems, RunSection baseline, DatabaseEvidence database) {

    public LabReport {
        answers = Map.copyOf(answers);
        problems = List.copyOf(problems);
        baseline = baseline == null ? RunSection.ABSENT : baseline;
        database = database == null ? DatabaseEvidence.ABSENT : database;
    }

    public LabReport(Path source, boolean readable, String studentName, String group,
                     Map<Integer, Answer> answers, RunSection oneReplica, RunSection threeReplicas,
                     ScreenshotRef ordersScreenshot, ScreenshotRef grafanaScreenshot, List<ReportProblem> problems) {
        this(source, readable, studentName, group, answers, oneReplica, threeReplicas, ordersScreenshot, grafanaScreenshot,
                problems, RunSection.ABSENT, DatabaseEvidence.ABSENT);
    }

    static LabReport unreadable(Path source, ReportProblem problem) {
        return new LabReport(source, false, "", "", Map.of(), RunSection.ABSENT, RunSection.ABSENT,
                new ScreenshotRef("", 0), new ScreenshotRef("", 0), List.of(problem));
    }

    /** Text of answer {@code number}, "" when missing or left as the placeholder. */
    public String answer(int number) {
        Answer a = answers.get(number);
        return a == null ? "" : a.text();
    }

    public String wrkOutput1Replica() {
        return oneReplica.wrkOutput();
    }

    public String wrkOutput3Replicas() {
        return threeReplicas.wrkOutput();
    }
}
