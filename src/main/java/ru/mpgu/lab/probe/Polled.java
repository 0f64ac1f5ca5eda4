package ru.mpgu.lab.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link Poller} wait ended, as a type.
 *
 * @param state  reached the condition, ran out of time, stopped on the probe's error, or was interrupted
 * @param last   the value of the last probe that returned one (null if none did)
 * @param error  the error of the last probe, when the last probe failed (null otherwise)
 * @param waited how long the wait took
 * @param probes how many times the probe ran
 */
public record Polled<T>(State state, T last, Exception error, Duration waited, int probes) {

    public enum State {
        REACHED,
        TIMED_OUT,
        /** The probe failed and the wait was told to stop on errors ({@link Poller#until}). */
        FAILED,
        INTERRUPTED
    }

    public boolean reached() {
        return state == State.REACHED;
    }

    public Optional<T> lastValue() {
        return Optional.ofNullable(last);
    }
}
