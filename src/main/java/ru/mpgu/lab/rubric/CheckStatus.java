package ru.mpgu.lab.rubric;

/** How one rubric check ended. Shared by every part of the grader. */
public enum CheckStatus {
    PASSED,
    PARTIAL,
    FAILED,
    /** Provisional points; a teacher must look (borderline answer, negation, ...). */
    NEEDS_REVIEW,
    /** The environment failed (Docker, network, timeouts): not the student's fault. */
    INFRA_ERROR,
    NOT_RUN;

    /** Russian word shown to students. */
    public String russian() {
        return switch (this) {
            case PASSED -> "выполнено";
            case PARTIAL -> "частично";
            case FAILED -> "не выполнено";
            case NEEDS_REVIEW -> "проверит преподаватель";
            case INFRA_ERROR -> "сбой окружения";
            case NOT_RUN -> "не запускалась";
        };
    }
}
