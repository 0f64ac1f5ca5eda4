package ru.mpgu.lab.grading;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import ru.mpgu.lab.rubric.CheckOutcome;

/** Records a check's verdict and makes the JUnit result agree with it. */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Passed and "needs teacher review" let the test pass; partial and failed fail it;
     * an infrastructure problem aborts it, because it is not the student's fault.
     */
    public static void expect(LabRun run, CheckOutcome outcome) {
        run.record(outcome);
        switch (outcome.status()) {
            case PASSED, NEEDS_REVIEW -> {
            }
            case INFRA_ERROR, NOT_RUN -> throw new TestAbortedException(outcome.message());
            default -> throw new AssertionFailedError(outcome.message()
                    + (outcome.details().isEmpty() ? "" : "\n  " + String.join("\n  ", outcome.details())));
        }
    }
}
