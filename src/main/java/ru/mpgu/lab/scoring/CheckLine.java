package ru.mpgu.lab.scoring;

import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.FailureKind;

import java.util.List;

/**
 * One scored check.
 *
 * @param hint     rubric's "how to fix" text
 * @param override      the teacher's override, or null
 * @param gate          a condition worth no points (the stack boots, ...), required by the evidence checks
 * @param teacherGrades the content of this answer is graded by the teacher only (student's public rubric)
 * @param kind          why the check did not pass, as a type (the batch flags a refused stack by it)
 */
public record CheckLine(String checkId, String title, CheckStatus status, double earned, double max,
                        String message, List<String> details, String hint, ScoreOverride override,
                        boolean gate, boolean teacherGrades, FailureKind kind) {
    public CheckLine {
        details = List.copyOf(details);
        // sheets written before kinds existed: the status says enough
        kind = kind == null ? FailureKind.of(status) : kind;
    }

    public CheckLine(String checkId, String title, CheckStatus status, double earned, double max,
                     String message, List<String> details, String hint, ScoreOverride override,
                     boolean gate, boolean teacherGrades) {
        this(checkId, title, status, earned, max, message, details, hint, override, gate, teacherGrades, null);
    }

    public CheckLine(String checkId, String title, CheckStatus status, double earned, double max,
                     String message, List<String> details, String hint, ScoreOverride override) {
        this(checkId, title, status, earned, max, message, details, hint, override, false, false);
    }

    /** The student has something to fix here (shown in «Что исправить»). */
    public boolean needsFix() {
        if (override != null) {
            return earned < max - 1e-9;
        }
        if (gate) {
            return status == CheckStatus.FAILED || status == CheckStatus.PARTIAL;
        }
        if (teacherGrades && status == CheckStatus.NEEDS_REVIEW) {
            return false; // the form is fine; the content is the teacher's to grade
        }
        return status == CheckStatus.FAILED || status == CheckStatus.PARTIAL
                || (status == CheckStatus.NEEDS_REVIEW && earned < max - 1e-9);
    }
}
