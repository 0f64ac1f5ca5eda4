package ru.mpgu.lab.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import ru.mpgu.lab.measure.http.ResponseHead;
import ru.mpgu.lab.measure.load.HeaderValueCounter;
import ru.mpgu.lab.measure.load.LoadConfig;
import ru.mpgu.lab.measure.load.LoadResult;
import ru.mpgu.lab.measure.load.ResponseListener;

/**
 * Part 1 of the lesson as a script: warm up, sweep the concurrency levels with one web replica, scale to
 * {@code replicas}, warm up again (new replicas are cold and nginx needs a moment to see them), sweep again,
 * compare. Sweeps finished so far stay available through {@link #sweeps()} even when a later step fails.
 */
public final class DemoRun {

    /** nginx in the lab stack names the replica that answered in this header. */
    static final String UPSTREAM_HEADER = "X-Upstream";
    static final int MAX_THREADS = 2;
    static final int WARMUP_CONNECTIONS = 10;

    /** @param warmup zero skips warming up */
    public record Settings(List<Integer> levels, Duration step, int replicas, Duration warmup) {
        public Settings {
            levels = List.copyOf(levels);
        }
    }

    private final DemoTarget target;
    private final LoadRunner runner;
    private final DemoConsole console;
    private final Settings settings;
    private final List<Sweep> sweeps = new ArrayList<>();

    public DemoRun(DemoTarget target, LoadRunner runner, DemoConsole console, Settings settings) {
        this.target = target;
        this.runner = runner;
        this.console = console;
        this.settings = settings;
    }

    public List<Sweep> sweeps() {
        return List.copyOf(sweeps);
    }

    /** Both sweeps and the comparison table; throws on a target that does not answer at all. */
    public void run() {
        warmUp();
        sweeps.add(sweep(1));
        target.scaleWeb(settings.replicas());
        console.info("web: " + RuText.replicas(settings.replicas()) + " готовы");
        warmUp();
        sweeps.add(sweep(settings.replicas()));
        console.comparison(sweeps.get(0), sweeps.get(1));
    }

    private void warmUp() {
        if (settings.warmup().isZero()) {
            return;
        }
        int connections = Math.min(WARMUP_CONNECTIONS, settings.levels().stream().mapToInt(i -> i).max().orElse(1));
        console.info("прогрев: " + DemoConsole.seconds(settings.warmup()) + " с, " + connections + " соединений…");
        requireAnswered(runner.run(config(connections, settings.warmup(), null)));
    }

    private Sweep sweep(int replicas) {
        console.sweepHeader(replicas, settings.step());
        List<LevelResult> levels = new ArrayList<>();
        for (int connections : settings.levels()) {
            LevelListener listener = new LevelListener();
            LoadResult result;
            try (DemoConsole.Progress ignored = console.levelStarted(connections, settings.step(), listener.total::sum)) {
                result = runner.run(config(connections, settings.step(), listener));
            }
            requireAnswered(result);
            LevelResult level = LevelResult.of(result, listener.upstreams.counts());
            levels.add(level);
            console.row(level);
        }
        Sweep sweep = new Sweep(replicas, levels);
        console.upstreams(sweep.upstreams());
        return sweep;
    }

    private LoadConfig config(int connections, Duration duration, ResponseListener listener) {
        LoadConfig config = new LoadConfig(target.url(), connections, Math.min(MAX_THREADS, connections), duration,
                LoadConfig.DEFAULT_TIMEOUT, List.of(), null);
        return listener == null ? config : config.withListener(listener);
    }

    /** A level without a single response says nothing about the app: stop with the reason instead. */
    private static void requireAnswered(LoadResult result) {
        if (result.allConnectionsFailed()) {
            throw new DemoException(result.failureMessage());
        }
        if (result.requests() == 0) {
            throw new DemoException("За " + DemoConsole.seconds(Duration.ofNanos((long) (result.durationSeconds() * 1e9)))
                    + " с " + result.url() + " не ответил ни на один запрос (ошибок подключения: "
                    + result.errors().connect() + ", таймаутов: " + result.errors().timeout()
                    + "). Проверьте, что стенд запущен и адрес верный.");
        }
    }

    /** Counts responses for the progress line and X-Upstream values for the balancing check. */
    private static final class LevelListener implements ResponseListener {
        final LongAdder total = new LongAdder();
        final HeaderValueCounter upstreams = new HeaderValueCounter(UPSTREAM_HEADER);

        @Override
        public void onResponse(ResponseHead head) {
            total.increment();
            upstreams.onResponse(head);
        }
    }
}
