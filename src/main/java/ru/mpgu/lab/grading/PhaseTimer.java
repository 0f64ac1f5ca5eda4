package ru.mpgu.lab.grading;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time per grading phase, summed when a phase runs more than once; printed in every report. */
public final class PhaseTimer {

    private final Map<String, Duration> phases = Collections.synchronizedMap(new LinkedHashMap<>());

    public <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    public void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    public void add(String phase, Duration duration) {
        phases.merge(phase, duration, Duration::plus);
    }

    /** All phases together so far (a check's own time is its wall time less the phases timed inside it). */
    public Duration total() {
        synchronized (phases) {
            return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    public Map<String, Duration> snapshot() {
        synchronized (phases) {
            return new LinkedHashMap<>(phases);
        }
    }
}
