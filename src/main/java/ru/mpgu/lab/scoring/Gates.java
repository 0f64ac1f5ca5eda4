package ru.mpgu.lab.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;

/**
 * What the untouched template does by itself (the stack boots, /orders answers, balancing, ...) is a gate:
 * reported, worth nothing, but the student's evidence of it counts only when the gate holds.
 */
final class Gates {

    private Gates() {
    }

    /** The outcome of {@code check} once its gates are applied: unchanged when they all passed. */
    static CheckOutcome apply(Rubric rubric, Check check, CheckOutcome own, Map<String, CheckOutcome> outcomes) {
        if (check.requires().isEmpty() || own.fraction() == 0) {
            return own;
        }
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String gateId : check.requires()) {
            CheckOutcome gate = outcomes.get(gateId);
            String title = rubric.check(gateId).map(Check::title).orElse(gateId);
            if (gate == null || gate.status() == CheckStatus.NOT_RUN || gate.status() == CheckStatus.INFRA_ERROR) {
                unknown.add(title);
            } else if (gate.status() != CheckStatus.PASSED) {
                failed.add(title);
            }
        }
        List<String> details = new ArrayList<>();
        details.add("без условия было бы: " + own.message());
        details.addAll(own.details());
        if (!failed.isEmpty()) {
            return new CheckOutcome(check.id(), CheckStatus.FAILED, 0, "не засчитано: не выполнено обязательное условие «"
                    + String.join("», «", failed) + "» (см. эту проверку выше)", details);
        }
        if (!unknown.isEmpty()) {
            return new CheckOutcome(check.id(), CheckStatus.NOT_RUN, 0, "не засчитано: не удалось проверить условие «"
                    + String.join("», «", unknown) + "»", details);
        }
        return own;
    }
}
