package ru.mpgu.lab.measure.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import ru.mpgu.lab.measure.SocketErrors;

/**
 * A load generator with wrk's model: {@code -c} keep-alive connections, one request in flight on
 * each, over {@code -t} threads, for a fixed duration.
 *
 * <p>Coordinated omission: wrk 4 records raw latencies and, after the run, calls
 * {@code stats_correct(latency, runtime_us / (complete / connections))}: every recorded value
 * {@code v} also adds {@code v - k * interval} for each {@code k} while that stays above the
 * interval, i.e. the requests a connection would have sent at its average pace while it was
 * stuck. HdrHistogram's {@link Histogram#copyCorrectedForCoordinatedOmission(long)} does the same
 * (it stops at {@code >= interval} instead of {@code > interval}, a difference of at most one
 * value per sample), with that same interval. Both the raw and the corrected figures are kept.
 *
 * <p>Bounded: workers stop at the deadline or when no connection could be made within
 * {@code timeout}; threads are joined and every socket is closed before {@link #run} returns.
 */
public final class LoadGenerator {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Runs the load and blocks for its duration. */
    public LoadResult run(LoadConfig config) {
        InetSocketAddress address = resolve(config);
        byte[] request = RequestBytes.build(config);
        long timeoutNanos = config.timeout().toNanos();
        LoadWorker.Shared shared = new LoadWorker.Shared();

        long start = System.nanoTime();
        long end = start + config.duration().toNanos();
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < config.threads(); i++) {
            // as wrk: connections / threads each; the remainder is added to the first threads
            int share = config.connections() / config.threads() + (i < config.connections() % config.threads() ? 1 : 0);
            LoadWorker worker = new LoadWorker(address, request, share, timeoutNanos, end, config.listener(), shared);
            Thread thread = new Thread(worker, "lab-load-" + i);
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
        }
        boolean allFailed = false;
        try {
            threads.forEach(Thread::start);
            allFailed = waitForEnd(start, end, timeoutNanos, shared);
        } finally {
            shared.stop.set(true);
            workers.forEach(LoadWorker::wakeup);
            joinAll(threads, timeoutNanos);
        }
        long runtimeUs = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        for (LoadWorker w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException("load worker failed: " + w.failure, w.failure);
            }
        }
        return summarize(config, workers, runtimeUs, shared, allFailed);
    }

    private static InetSocketAddress resolve(LoadConfig config) {
        try {
            return new InetSocketAddress(InetAddress.getByName(config.target().getHost()), config.port());
        } catch (UnknownHostException e) {
            throw new LoadTargetException("Не удалось найти адрес хоста «" + config.target().getHost()
                    + "». Проверьте имя хоста в URL.", e);
        }
    }

    /** Sleeps until the deadline; returns true when it gave up because nothing could connect. */
    private static boolean waitForEnd(long start, long end, long timeoutNanos, LoadWorker.Shared shared) {
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                // A run shorter than the timeout that never connected is just as unreachable.
                return shared.connected.get() == 0 && shared.connectFailures.get() > 0;
            }
            if (now - start >= timeoutNanos && shared.connected.get() == 0 && shared.connectFailures.get() > 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(POLL_NANOS, end - now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void joinAll(List<Thread> threads, long timeoutNanos) {
        long joinMillis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + 1000;
        for (Thread t : threads) {
            try {
                t.join(joinMillis);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static LoadResult summarize(LoadConfig config, List<LoadWorker> workers, long runtimeUs,
                                        LoadWorker.Shared shared, boolean allFailed) {
        Histogram raw = new Histogram(workers.get(0).latency.getLowestDiscernibleValue(),
                workers.get(0).latency.getHighestTrackableValue(), 3);
        long complete = 0;
        long bytes = 0;
        long non2xx = 0;
        long reconnects = 0;
        long unanswered = 0;
        long maxUs = 0;
        SocketErrors errors = SocketErrors.NONE;
        List<Long> rates = new ArrayList<>();
        for (LoadWorker w : workers) {
            raw.add(w.latency);
            complete += w.complete;
            bytes += w.bytes;
            non2xx += w.non2xx3xx;
            reconnects += w.reconnects;
            unanswered += w.unansweredAtEnd;
            maxUs = Math.max(maxUs, w.maxLatencyUs);
            errors = errors.plus(w.errors());
            rates.addAll(w.rateSamples);
        }
        long perConnection = complete / config.connections();
        long interval = perConnection > 0 ? runtimeUs / perConnection : 0;
        Histogram corrected = interval > 0 ? raw.copyCorrectedForCoordinatedOmission(interval) : raw.copy();
        return new LoadResult(config.target().toString(), config.threads(), config.connections(),
                config.duration().toNanos() / 1e9, runtimeUs, complete, bytes, errors, non2xx,
                LatencySummary.of(raw, maxUs), LatencySummary.of(corrected, maxUs), interval,
                RateSummary.of(rates), shared.connected.get(), reconnects, allFailed, unanswered);
    }
}
