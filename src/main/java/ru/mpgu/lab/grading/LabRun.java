package ru.mpgu.lab.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricException;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.stack.FailureKind;
import ru.mpgu.lab.stack.LabStack;
import ru.mpgu.lab.stack.StackException;

/**
 * Everything one grading of one repository shares across the five task classes: the rubric, the parsed
 * report, the running stack (booted once, on first use), phase timings, outcomes and measurements.
 */
public final class LabRun implements AutoCloseable {

    private final GradingConfig config;
    private final Instant startedAt = Instant.now();
    private final PhaseTimer timer = new PhaseTimer();
    private final Map<String, CheckOutcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Double> measurements = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> attachments = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Consumer<String> progress;
    private Rubric rubric;
    private LabReport report;
    private LabStack stack;
    private StackException stackFailure;
    private int webReplicas = 1;

    public LabRun(GradingConfig config) {
        this.config = config;
        this.progress = config.quiet() ? message -> { } : message -> System.out.println("[lab] " + message);
    }

    public GradingConfig config() {
        return config;
    }

    public Path repo() {
        return config.repo();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public PhaseTimer timer() {
        return timer;
    }

    public void progress(String message) {
        progress.accept(message);
    }

    /** The repository's rubric.yaml; a broken or missing one falls back to the bundled copy, with a notice. */
    public synchronized Rubric rubric() {
        if (rubric == null) {
            try {
                rubric = RubricLoader.load(config.rubric());
            } catch (RubricException e) {
                notices.add("rubric.yaml не прочитан, использованы критерии по умолчанию: " + e.getMessage());
                rubric = RubricLoader.loadBundled();
            }
        }
        return rubric;
    }

    public Check check(String id) {
        return rubric().check(id).orElseThrow(() -> new IllegalStateException("в rubric.yaml нет проверки " + id));
    }

    public synchronized LabReport report() {
        if (report == null) {
            report = ReportParser.parse(config.repo().resolve(ReportParser.DEFAULT_PATH));
        }
        return report;
    }

    /** The running stack; boots it on first call. A failed boot is remembered, so dependent checks don't retry it. */
    public synchronized LabStack stack() {
        if (stackFailure != null) {
            throw stackFailure;
        }
        if (config.reportOnly()) {
            // the not-run path: every live check reads «не запускалась», nothing is booted
            throw new org.opentest4j.TestAbortedException("не проверялось: проверка только по отчёту (--report-only), стенд не запускался");
        }
        if (stack == null) {
            Duration bootTimeout = Duration.ofSeconds(check("launch.stack_boots").intParam("boot_timeout_seconds", 180));
            LabStack candidate = new LabStack(config.repo(), bootTimeout, progress);
            try {
                timer.time("запуск стенда", candidate::start);
                stack = candidate;
            } catch (StackException e) {
                stackFailure = e;
                if (!e.serviceLogs().isBlank()) {
                    attachments.put("service-logs.txt", e.serviceLogs());
                }
                candidate.close();
                throw e;
            } catch (RuntimeException e) {
                stackFailure = new StackException(FailureKind.INFRASTRUCTURE, "стенд не запустился: " + e.getMessage());
                candidate.close();
                throw stackFailure;
            }
        }
        return stack;
    }

    public synchronized void scaleWeb(int replicas) {
        if (webReplicas == replicas) {
            return;
        }
        LabStack running = stack();
        timer.time("масштабирование", () -> running.scaleWeb(replicas, Duration.ofSeconds(90)));
        webReplicas = replicas;
    }

    public void record(CheckOutcome outcome) {
        outcomes.put(outcome.checkId(), outcome);
    }

    public Map<String, CheckOutcome> outcomes() {
        synchronized (outcomes) {
            return new LinkedHashMap<>(outcomes);
        }
    }

    /** Figures the grader measured itself (e.g. Requests/sec at 1 and 3 replicas), for the reports and the gradebook. */
    public void measured(String name, double value) {
        measurements.put(name, value);
    }

    public Map<String, Double> measurements() {
        synchronized (measurements) {
            return new LinkedHashMap<>(measurements);
        }
    }

    public void notice(String text) {
        notices.add(text);
    }

    public List<String> notices() {
        synchronized (notices) {
            return new ArrayList<>(notices);
        }
    }

    public void attach(String name, String content) {
        attachments.put(name, content);
    }

    public Map<String, String> attachments() {
        synchronized (attachments) {
            return new LinkedHashMap<>(attachments);
        }
    }

    @Override
    public synchronized void close() {
        if (stack != null) {
            LabStack running = stack;
            stack = null;
            timer.time("остановка стенда", running::close);
        }
    }
}
