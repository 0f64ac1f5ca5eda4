package ru.mpgu.lab.checks;

import java.time.Duration;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.measure.load.LoadConfig;
import ru.mpgu.lab.measure.load.LoadGenerator;
import ru.mpgu.lab.measure.load.LoadResult;
import ru.mpgu.lab.measure.load.ResponseListener;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.stack.LiveStack;

/** The grader's own load runs against the stack (wrk's model: N keep-alive connections, one request in flight each). */
public final class LoadChecks {

    private LoadChecks() {
    }

    /** A short control load at the lab's concurrency: no socket errors, no 5xx. */
    public static CheckOutcome noErrors(LabRun lab, Check check) {
        return StackChecks.onStack(lab, check, 1, stack -> {
            LoadResult result = load(lab, stack, check, null, "нагрузка (1 реплика)");
            lab.measured("rps_1_replica", result.requestsPerSec());
            lab.measured("latency_avg_ms_1_replica", result.latency().meanUs() / 1000);
            return judgeErrors(check, result);
        });
    }

    static LoadResult load(LabRun lab, LiveStack stack, Check check, ResponseListener listener, String phase) {
        return load(lab, stack, check, Duration.ofSeconds(check.intParam("duration_seconds", 10)), listener, phase);
    }

    /** The load of {@code check}'s parameters, run for {@code duration}. */
    static LoadResult load(LabRun lab, LiveStack stack, Check check, Duration duration, ResponseListener listener,
            String phase) {
        String url = stack.httpUrl().resolve(check.stringParam("url_path", "/orders")).toString();
        LoadConfig config = LoadConfig.of(url, check.intParam("connections", 30), check.intParam("threads", 2), duration)
                // An error is an answer the server failed to give, not one that queued: at one replica, -c30 waits
                // about a second in the queue, and wrk's 2 s would count a slow moment as server errors. 10 s is
                // nginx's proxy_read_timeout: past it nginx answers 504, which counts.
                .withTimeout(Duration.ofSeconds(check.intParam("request_timeout_seconds", 10)));
        if (listener != null) {
            config = config.withListener(listener);
        }
        LoadConfig run = config;
        lab.progress(String.format("нагрузка: -c%d -t%d -d%ds %s", run.connections(), run.threads(),
                run.duration().toSeconds(), url));
        LoadResult result = lab.timer().time(phase, () -> new LoadGenerator().run(run));
        lab.progress(String.format("  %d запросов, %.1f запросов/с, средняя задержка %.1f мс, ошибок %d",
                result.requests(), result.requestsPerSec(), result.latency().meanUs() / 1000,
                result.errors().total() + result.non2xx3xx()));
        return result;
    }

    static CheckOutcome judgeErrors(Check check, LoadResult result) {
        if (result.allConnectionsFailed()) {
            return CheckOutcome.failed(check.id(), "ни одно соединение не установлено: " + result.failureMessage());
        }
        if (result.requests() == 0) {
            return CheckOutcome.failed(check.id(), String.format("за %.0f с не пришло ни одного ответа (тайм-аутов: %d): "
                    + "стенд принимает соединения, но не отвечает", result.runtimeMicros() / 1e6, result.errors().timeout()));
        }
        long errors = result.errors().total() + result.non2xx3xx();
        long attempts = Math.max(1, result.attempts());
        double share = (double) errors / attempts;
        String figures = String.format("%d запросов за %.0f с (%.1f в секунду), средняя задержка %.0f мс", result.requests(),
                result.runtimeMicros() / 1e6, result.requestsPerSec(), result.latency().meanUs() / 1000);
        if (share > check.doubleParam("max_error_share", 0.01)) {
            return CheckOutcome.failed(check.id(), String.format("под нагрузкой %d ошибок (%.1f %%): соединение %d, чтение %d, "
                            + "запись %d, тайм-аут %d, ответов не 2xx/3xx %d; %s", errors, share * 100, result.errors().connect(),
                    result.errors().read(), result.errors().write(), result.errors().timeout(), result.non2xx3xx(), figures));
        }
        return CheckOutcome.passed(check.id(), "без ошибок: " + figures);
    }
}
