package ru.mpgu.lab.scoring;

import ru.mpgu.lab.rubric.CheckStatus;

import java.util.List;

/**
 * One scored check.
 *
 * @param hint     rubric's "how to fix" text
 * @param override the teacher's override, or null
 */
public record CheckLine(String checkId, String title, CheckStatus status, double earned, double max,
                        String message, List<String> details, String hint, ScoreOverride override) {
    public CheckLine {
        details = List.copyOf(details);
    }

    /** The student has something to fix here (shown in «Что исправить»). */
    public boolean needsFix() {
        if (override != null) {
            return earned < max - 1e-9;
        }
        return status == CheckStatus.FAILED || status == CheckStatus.PARTIAL
                || (status == CheckStatus.NEEDS_REVIEW && earned < max - 1e-9);
    }
}
