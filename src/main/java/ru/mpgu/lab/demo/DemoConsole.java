package ru.mpgu.lab.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The demo's terminal output: a table that grows one row per finished level and, while a level runs, a
 * progress line. On a terminal ({@code live}) the progress line is rewritten in place with '\r' every second;
 * otherwise (a pipe, a log file, a test) one plain line is printed when a level starts.
 */
public final class DemoConsole {

    static final String ROW_FORMAT = "%11s %12s %13s %10s %8s";
    static final String COMPARISON_HEADER = "%11s %23s %7s %21s %21s";
    static final String COMPARISON_FORMAT = "%11s %10s → %-10s %7s %9s → %-9s %9s → %-9s";

    private final PrintWriter out;
    private final boolean live;

    public DemoConsole(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    public void info(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    public void sweepHeader(int replicas, Duration step) {
        info("");
        info("Замер: " + RuText.replicas(replicas) + " web, по " + seconds(step) + " с на уровень");
        info(String.format(ROW_FORMAT, "Соединений", "Запросов/с", "Средняя, мс", "p99, мс", "Ошибки"));
    }

    public void row(LevelResult level) {
        info(formatRow(level));
    }

    static String formatRow(LevelResult level) {
        return String.format(ROW_FORMAT, level.connections(), RuText.num(level.requestsPerSec(), 1),
                RuText.ms(level.avgLatencyMs()), RuText.ms(level.p99LatencyMs()), level.errors());
    }

    /** The progress line of a running level; closing it erases the line (live) so the row can follow. */
    public Progress levelStarted(int connections, Duration step, LongSupplier responses) {
        long start = System.nanoTime();
        if (!live) {
            info("  … уровень " + connections + ": " + seconds(step) + " с нагрузки");
            return () -> { };
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-demo-progress");
            t.setDaemon(true);
            return t;
        });
        int[] width = {0};
        Runnable tick = () -> {
            double elapsed = Math.min((System.nanoTime() - start) / 1e9, step.toMillis() / 1000.0);
            String line = progressLine(connections, elapsed, step, elapsed < 0.5 ? -1 : responses.getAsLong() / elapsed);
            synchronized (out) {
                out.print("\r" + line + " ".repeat(Math.max(0, width[0] - line.length())));
                out.flush();
                width[0] = line.length();
            }
        };
        ticker.scheduleAtFixedRate(tick, 0, 1, TimeUnit.SECONDS);
        return () -> {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (out) {
                out.print("\r" + " ".repeat(width[0]) + "\r");
                out.flush();
            }
        };
    }

    /** "  уровень 30: 4/6 с, ≈812 запросов/с …"; a negative rate is not shown yet. */
    static String progressLine(int connections, double elapsedSeconds, Duration step, double requestsPerSec) {
        return "  уровень " + connections + ": " + (long) Math.floor(elapsedSeconds) + "/" + seconds(step) + " с"
                + (requestsPerSec < 0 ? "" : ", ≈" + RuText.num(requestsPerSec, 0) + " запросов/с") + " …";
    }

    public void upstreams(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder("  ответы по репликам (X-Upstream от nginx):");
        counts.forEach((upstream, n) -> line.append(' ').append(upstream).append(" — ")
                .append(RuText.num(100.0 * n / total, 0)).append("%;"));
        line.setLength(line.length() - 1);
        info(line.toString());
    }

    public void comparison(Sweep base, Sweep scaled) {
        info("");
        info("Сравнение: " + RuText.replicas(base.replicas()) + " → " + RuText.replicas(scaled.replicas()));
        String arrow = base.replicas() + " → " + scaled.replicas();
        info(String.format(COMPARISON_HEADER, "Соединений", "Запросов/с (" + arrow + ")", "рост",
                "Средняя, мс (" + arrow + ")", "p99, мс (" + arrow + ")"));
        for (LevelResult a : base.levels()) {
            scaled.at(a.connections()).ifPresent(b -> info(formatComparison(a, b)));
        }
    }

    static String formatComparison(LevelResult a, LevelResult b) {
        String growth = a.requestsPerSec() > 0 ? "×" + RuText.num(b.requestsPerSec() / a.requestsPerSec(), 2) : "—";
        return String.format(COMPARISON_FORMAT, a.connections(), RuText.num(a.requestsPerSec(), 1),
                RuText.num(b.requestsPerSec(), 1), growth, RuText.ms(a.avgLatencyMs()), RuText.ms(b.avgLatencyMs()),
                RuText.ms(a.p99LatencyMs()), RuText.ms(b.p99LatencyMs())).stripTrailing();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : RuText.num(d.toMillis() / 1000.0, 1);
    }

    /** A running level's progress display. */
    @FunctionalInterface
    public interface Progress extends AutoCloseable {
        @Override
        void close();
    }
}
