package ru.mpgu.lab.measure.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Samples CPU and memory of every container of a compose project while a load runs: one
 * reading per interval per container, each container on its own daemon thread, all stopped by
 * {@link #stop()} (or {@link #close()}) within the per-reading timeout.
 *
 * <pre>{@code
 * try (var sampler = ContainerStatsSampler.start(DockerJavaStatsSource.fromTestcontainers(), "lab", Duration.ofSeconds(1))) {
 *     result = generator.run(config);
 *     samples = sampler.stop();
 * }
 * }</pre>
 */
public final class ContainerStatsSampler implements AutoCloseable {

    private final StatsSource source;
    private final Duration interval;
    private final Duration readTimeout;
    private final LongSupplier clock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<ContainerSample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final List<ContainerRef> containers;

    private ContainerStatsSampler(StatsSource source, List<ContainerRef> containers, Duration interval,
                                  LongSupplier clock) {
        this.source = source;
        this.containers = List.copyOf(containers);
        this.interval = interval;
        // a non-streaming reading takes about a second (the daemon waits for a second CPU reading)
        this.readTimeout = interval.plusSeconds(3);
        this.clock = clock;
    }

    /** Lists the project's containers and starts sampling them. */
    public static ContainerStatsSampler start(StatsSource source, String composeProject, Duration interval) {
        return start(source, composeProject, interval, System::currentTimeMillis);
    }

    static ContainerStatsSampler start(StatsSource source, String composeProject, Duration interval, LongSupplier clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        ContainerStatsSampler sampler = new ContainerStatsSampler(source, source.containers(composeProject), interval, clock);
        for (ContainerRef container : sampler.containers) {
            Thread t = new Thread(() -> sampler.sampleLoop(container), "lab-stats-" + container.label());
            t.setDaemon(true);
            sampler.threads.add(t);
        }
        sampler.threads.forEach(Thread::start);
        return sampler;
    }

    /** Containers found at start. */
    public List<ContainerRef> containers() {
        return containers;
    }

    private void sampleLoop(ContainerRef container) {
        try {
            while (!stopped.get()) {
                long started = System.nanoTime();
                StatsSnapshot snapshot = source.sample(container.id(), readTimeout);
                if (snapshot != null && !stopped.get()) {
                    samples.add(ContainerSample.of(container, clock.getAsLong(), snapshot));
                }
                long rest = interval.toNanos() - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupts a sleeping or waiting loop
        } catch (RuntimeException e) {
            // the container went away or the daemon refused: keep what was sampled so far
        }
    }

    /** Stops every sampling thread and returns all readings, in the order they were taken. */
    public List<ContainerSample> stop() {
        if (stopped.compareAndSet(false, true)) {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                try {
                    t.join(readTimeout.toMillis() + 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
