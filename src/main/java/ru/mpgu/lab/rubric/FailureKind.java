package ru.mpgu.lab.rubric;

/**
 * Why a check did not pass, as a type: reports and the batch decide by it, never by the text of a message
 * (the Russian wording may change freely). Carried by {@link CheckOutcome} and by stack failures.
 */
public enum FailureKind {
    /** Nothing failed: the check passed, or its points wait for the teacher. */
    NONE,
    /** The check ran and the stack or the report did not meet it. */
    CHECK_FAILED,
    /** No docker-compose.yml, or one docker compose cannot read: nothing was started. */
    COMPOSE_INVALID,
    /** The safety policy refused the compose file before any container, image, network or volume existed. */
    POLICY_REFUSED,
    /** Containers were started but services (or scaled replicas) did not come up: the submission's fault. */
    STACK_DID_NOT_BOOT,
    /** Docker, the machine or the grader failed: not the student's fault, grade again. */
    INFRASTRUCTURE,
    /** The check was not run (skipped, report-only, an earlier failure). */
    NOT_RUN,
    /**
     * The evidence needs the student's variant (rubric: require_variant) and the student has none: the numbers or
     * the picture cannot be tied to their stand. Earns nothing and waits for the teacher.
     */
    NO_VARIANT;

    /** The kind an outcome has when nobody said more: follows from its status. */
    public static FailureKind of(CheckStatus status) {
        return switch (status) {
            case PASSED, NEEDS_REVIEW -> NONE;
            case PARTIAL, FAILED -> CHECK_FAILED;
            case INFRA_ERROR -> INFRASTRUCTURE;
            case NOT_RUN -> NOT_RUN;
        };
    }

    /** The machine's problem: the check says nothing about the student. */
    public boolean infrastructure() {
        return this == INFRASTRUCTURE;
    }

    /** A failure that costs the student points. */
    public boolean studentsFault() {
        return this == CHECK_FAILED || this == COMPOSE_INVALID || this == POLICY_REFUSED || this == STACK_DID_NOT_BOOT;
    }

    /** The stack was rejected before any container ran (a property of its files alone). */
    public boolean beforeContainers() {
        return this == COMPOSE_INVALID || this == POLICY_REFUSED;
    }
}
