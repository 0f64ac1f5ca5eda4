package ru.mpgu.lab.grading;

import ru.mpgu.lab.integrity.IntegrityCheck;

/** At the start of a student's own run: a visible Russian warning when grader files differ from the template. */
final class IntegrityWarning {

    private IntegrityWarning() {
    }

    static void check(LabRun run) {
        if (run.rubric().allChecks().anyMatch(c -> c.answer() != null && c.answer().hasKey())) {
            return; // the teacher's own grading (private rubric): the batch compares with the template's hashes itself
        }
        try {
            IntegrityCheck.compare(run.repo()).flatMap(IntegrityCheck::studentWarning).ifPresent(w -> {
                run.progress("ВНИМАНИЕ: " + w);
                run.notice(w);
            });
        } catch (java.io.IOException | RuntimeException e) {
            run.notice("не удалось сравнить файлы с шаблоном: " + e.getMessage());
        }
    }
}
