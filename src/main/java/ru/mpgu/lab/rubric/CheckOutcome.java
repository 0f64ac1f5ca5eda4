package ru.mpgu.lab.rubric;

import java.util.List;
import java.util.Objects;

/**
 * Result of one rubric check.
 *
 * @param checkId  id from rubric.yaml, e.g. {@code load.no_errors}
 * @param status   how it ended
 * @param fraction share of the check's points earned, 0..1
 * @param message  one Russian sentence for the student
 * @param details  optional extra Russian lines (evidence, numbers)
 * @param kind     why it did not pass, as a type ({@link FailureKind#NONE} when it did); absent in older JSON:
 *                 follows from the status
 */
public record CheckOutcome(String checkId, CheckStatus status, double fraction, String message, List<String> details,
                           FailureKind kind) {

    public CheckOutcome {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        if (Double.isNaN(fraction)) {
            fraction = 0;
        }
        fraction = Math.max(0, Math.min(1, fraction));
        message = message == null ? "" : message;
        details = details == null ? List.of() : List.copyOf(details);
        FailureKind byStatus = FailureKind.of(status);
        // a kind must agree with the status: only a failed (or partial) check has a cause beyond its status
        boolean noVariant = kind == FailureKind.NO_VARIANT && (status == CheckStatus.NEEDS_REVIEW || status == CheckStatus.FAILED);
        kind = noVariant || byStatus == FailureKind.CHECK_FAILED && kind != null && kind.studentsFault() ? kind : byStatus;
    }

    public CheckOutcome(String checkId, CheckStatus status, double fraction, String message, List<String> details) {
        this(checkId, status, fraction, message, details, null);
    }

    public static CheckOutcome passed(String id, String msg) {
        return new CheckOutcome(id, CheckStatus.PASSED, 1, msg, List.of());
    }

    public static CheckOutcome failed(String id, String msg) {
        return new CheckOutcome(id, CheckStatus.FAILED, 0, msg, List.of());
    }

    /** Failed for a stated cause (a refused or broken stack, ...). */
    public static CheckOutcome failed(String id, FailureKind kind, String msg) {
        return new CheckOutcome(id, CheckStatus.FAILED, 0, msg, List.of(), kind);
    }

    public static CheckOutcome partial(String id, double fraction, String msg) {
        return new CheckOutcome(id, CheckStatus.PARTIAL, fraction, msg, List.of());
    }

    public static CheckOutcome review(String id, double fraction, String msg) {
        return new CheckOutcome(id, CheckStatus.NEEDS_REVIEW, fraction, msg, List.of());
    }

    /** No points, for the teacher to look at, for the stated cause. */
    public static CheckOutcome review(String id, FailureKind kind, String msg) {
        return new CheckOutcome(id, CheckStatus.NEEDS_REVIEW, 0, msg, List.of(), kind);
    }

    public static CheckOutcome infra(String id, String msg) {
        return new CheckOutcome(id, CheckStatus.INFRA_ERROR, 0, msg, List.of());
    }

    public static CheckOutcome notRun(String id, String msg) {
        return new CheckOutcome(id, CheckStatus.NOT_RUN, 0, msg, List.of());
    }

    /** Same outcome with extra detail lines appended. */
    public CheckOutcome withDetails(List<String> more) {
        List<String> all = new java.util.ArrayList<>(details);
        all.addAll(more);
        return new CheckOutcome(checkId, status, fraction, message, all, kind);
    }
}
