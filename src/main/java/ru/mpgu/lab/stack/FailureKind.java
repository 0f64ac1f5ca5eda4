package ru.mpgu.lab.stack;

/** Whose fault a failed boot is: the machine's (re-run after fixing it) or the submission's (it costs points). */
public enum FailureKind {
    INFRASTRUCTURE,
    SUBMISSION
}
