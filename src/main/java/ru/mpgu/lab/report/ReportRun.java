package ru.mpgu.lab.report;

/**
 * The three wrk runs the report form asks for, named once: the heading the form prints and the short title the
 * grader's messages use. One term for the copies of {@code web}: «реплика», as the lab text introduces it.
 */
public enum ReportRun {
    BASELINE("## Базовый прогон: одно соединение", "Базовый прогон (одно соединение)"),
    ONE_REPLICA("## Прогон 1: одна реплика web", "Прогон 1 (одна реплика web)"),
    THREE_REPLICAS("## Прогон 2: три реплики web", "Прогон 2 (три реплики web)");

    private final String heading;
    private final String title;

    ReportRun(String heading, String title) {
        this.heading = heading;
        this.title = title;
    }

    /** The section heading exactly as report/REPORT.md prints it. */
    public String heading() {
        return heading;
    }

    /** How messages name the run: «Прогон 1 (одна реплика web)». */
    public String title() {
        return title;
    }

    /** The run a section number stands for: 0 the baseline, 1 and 2 the loaded runs. */
    static ReportRun ofSection(int number) {
        return switch (number) {
            case 0 -> BASELINE;
            case 1 -> ONE_REPLICA;
            case 2 -> THREE_REPLICAS;
            default -> throw new IllegalArgumentException("no run " + number);
        };
    }
}
