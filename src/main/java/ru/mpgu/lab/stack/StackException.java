package ru.mpgu.lab.stack;

import ru.mpgu.lab.rubric.FailureKind;

/** The lab stack could not be started or controlled. The message is Russian and says what to do. */
public class StackException extends RuntimeException {

    private final FailureKind kind;
    private final String serviceLogs;

    public StackException(FailureKind kind, String message, String serviceLogs) {
        super(message);
        this.kind = kind;
        this.serviceLogs = serviceLogs == null ? "" : serviceLogs;
    }

    public StackException(FailureKind kind, String message) {
        this(kind, message, "");
    }

    public FailureKind kind() {
        return kind;
    }

    public String serviceLogs() {
        return serviceLogs;
    }
}
