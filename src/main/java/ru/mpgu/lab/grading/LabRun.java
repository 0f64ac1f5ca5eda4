package ru.mpgu.lab.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricException;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.stack.LabStack;
import ru.mpgu.lab.stack.StackException;

/**
 * Everything one grading of one repository shares across the five task classes: the rubric, the parsed
 * report, the running stack (booted once, on first use), phase timings and measurements.
 *
 * <p>{@link GradingExtension} keeps it in the root extension context's store, so JUnit closes it (and the
 * stack) when the engine finishes, the way it does for {@code @TempDir}; one run per engine execution, also
 * when a test launches the task classes again (self-tests). What the listener needs goes out as published
 * report entries ({@link RunEvents}), never through shared state.
 */
public final class LabRun implements AutoCloseable {

    private final GradingConfig config;
    private final Instant startedAt = Instant.now();
    private final PhaseTimer timer = new PhaseTimer();
    private final Map<String, CheckOutcome> liveOutcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> liveChecks = Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private final Map<String, Double> measurements = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> attachments = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Consumer<String> progress;
    private Rubric rubric;
    private LabReport report;
    private LabStack stack;
    private StackException stackFailure;
    private int webReplicas = 1;
    /** The check being run now, and the verdict it gave itself (partial points, review, …), if any. */
    private volatile String currentCheck;
    private volatile CheckOutcome verdict;
    private volatile boolean closed;
    private volatile long checkStartedNanos;
    private volatile Duration timedBeforeCheck = Duration.ZERO;
    /** Phase name of a live check's own time: «проверка load.no_errors». */
    public static final String CHECK_PHASE = "проверка ";
    private final StackFacts facts;
    private final Consumer<Map<String, String>> publisher;

    public LabRun(GradingConfig config) {
        this(config, entry -> { });
    }

    /**
     * @param publisher where the run's measurements, notices, attachments and phase timings go as they happen
     *                  (the root context's {@code publishReportEntry}, read by {@link LabReportListener})
     */
    LabRun(GradingConfig config, Consumer<Map<String, String>> publisher) {
        this.config = config;
        // JUnit refuses blank report entry values: nothing blank is worth publishing anyway
        this.publisher = entry -> {
            if (entry.values().stream().noneMatch(String::isBlank)) {
                publisher.accept(entry);
            }
        };
        this.progress = config.quiet() ? message -> { } : message -> System.out.println("[lab] " + message);
        this.facts = config.facts() == null ? null : StackFacts.readFor(config.facts(), config.repo(), config.rubric()).orElse(null);
    }

    public GradingConfig config() {
        return config;
    }

    public Path repo() {
        return config.repo();
    }

    /** The student's variant: the repository's .env, else the class list's code the batch passed. */
    public ru.mpgu.lab.variant.OwnStand.Stand stand() {
        return ru.mpgu.lab.variant.OwnStand.resolve(config.repo(), config.rosterVariant());
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
                notice("rubric.yaml не прочитан, использованы критерии по умолчанию: " + e.getMessage());
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
            report = ReportParser.parseIn(config.repo(), ReportParser.DEFAULT_PATH);
        }
        return report;
    }

    /** The running stack; boots it on first call. A failed boot is remembered, so dependent checks don't retry it. */
    public synchronized LabStack stack() {
        if (currentCheck != null) {
            liveChecks.add(currentCheck);
        }
        if (stackFailure != null) {
            throw stackFailure;
        }
        if (config.reportOnly()) {
            // the not-run path: every live check reads «не запускалась», nothing is booted
            throw new org.opentest4j.TestAbortedException("не проверялось: проверка только по отчёту (--report-only), стенд не запускался");
        }
        if (stack == null && facts != null) {
            // graded against facts measured elsewhere: this run never boots a stack of its own
            throw new StackException(FailureKind.INFRASTRUCTURE, "этой проверки нет в " + facts.source()
                    + ": удалите файл замера, чтобы стенд измерили заново");
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
                    attach("service-logs.txt", e.serviceLogs());
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

    /** The check's own verdict; without one, the test's result decides (see {@link GradingExtension}). */
    public void record(CheckOutcome outcome) {
        verdict = outcome;
    }

    /** Starts a check: forgets any verdict left from before (a repeated or retried test). */
    void beginCheck(String id) {
        currentCheck = id;
        verdict = null;
        checkStartedNanos = System.nanoTime();
        timedBeforeCheck = timer.total();
    }

    /** Ends the current check; returns the verdict the check gave itself, if any. */
    Optional<CheckOutcome> endCheck() {
        String id = currentCheck;
        if (id != null && liveChecks.contains(id)) {
            // the check's own time: boot, scaling and load runs inside it are phases of their own
            Duration inside = timer.total().minus(timedBeforeCheck);
            Duration own = Duration.ofNanos(System.nanoTime() - checkStartedNanos).minus(inside);
            timer.add(CHECK_PHASE + id, own.isNegative() ? Duration.ZERO : own);
        }
        CheckOutcome given = verdict;
        verdict = null;
        currentCheck = null;
        return Optional.ofNullable(given);
    }

    /** A check that used the running stack: its outcome is a fact about the stack, not about the student. */
    boolean isLive(String id) {
        return liveChecks.contains(id);
    }

    void liveOutcome(CheckOutcome outcome) {
        liveOutcomes.put(outcome.checkId(), outcome);
    }

    /** Facts measured earlier on this same stack (batch), replayed instead of booting it; empty when measuring. */
    public Optional<StackFacts> facts() {
        return Optional.ofNullable(facts);
    }

    /** Figures the grader measured itself (e.g. Requests/sec at 1 and 3 replicas), for the reports and the gradebook. */
    public void measured(String name, double value) {
        measurements.put(name, value);
        publisher.accept(RunEvents.measurement(name, value));
    }

    public Map<String, Double> measurements() {
        synchronized (measurements) {
            return new LinkedHashMap<>(measurements);
        }
    }

    public void notice(String text) {
        notices.add(text);
        publisher.accept(RunEvents.notice(text));
    }

    public List<String> notices() {
        synchronized (notices) {
            return new ArrayList<>(notices);
        }
    }

    public void attach(String name, String content) {
        attachments.put(name, content);
        publisher.accept(RunEvents.attachment(name, content));
    }

    public Map<String, String> attachments() {
        synchronized (attachments) {
            return new LinkedHashMap<>(attachments);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Called by JUnit when the root context closes: stops the stack, saves the stack facts, hands over the timings. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stack != null) {
            LabStack running = stack;
            stack = null;
            timer.time("остановка стенда", running::close);
        }
        saveFacts();
        for (Entry<String, Duration> phase : timer.snapshot().entrySet()) {
            publisher.accept(RunEvents.phase(phase.getKey(), phase.getValue()));
        }
    }

    /**
     * Facts are shared by every submission with the same stack files, so only a clear answer is kept: the stack
     * booted, or it was rejected before any container ran (no or broken compose file, refused by the safety
     * policy). A stack whose containers started and then failed may just have met a busy machine.
     */
    static boolean worthSharing(StackException failure) {
        return failure == null || failure.kind().beforeContainers();
    }

    /** With {@code lab.facts} set and nothing to replay: what this run measured on the stack, for the next students. */
    private void saveFacts() {
        if (config.facts() == null || facts != null || liveOutcomes.isEmpty()) {
            return;
        }
        if (!worthSharing(stackFailure)) {
            progress("замер стенда не сохранён: стенд упал после запуска контейнеров (так бывает и на перегруженном"
                    + " компьютере); следующая работа с этими файлами стенда измерит его заново");
            return;
        }
        Map<String, CheckOutcome> outcomes;
        synchronized (liveOutcomes) {
            outcomes = new LinkedHashMap<>(liveOutcomes);
        }
        if (outcomes.values().stream().anyMatch(o -> o.status() == ru.mpgu.lab.rubric.CheckStatus.INFRA_ERROR
                || o.status() == ru.mpgu.lab.rubric.CheckStatus.NOT_RUN)) {
            progress("замер стенда не сохранён: часть проверок не выполнена из-за сбоя окружения");
            return;
        }
        try {
            StackFacts.measured(config.repo(), config.rubric(), startedAt, outcomes, measurements(), attachments(), timer.snapshot())
                    .write(config.facts());
        } catch (java.io.IOException | RuntimeException e) {
            progress("замер стенда не сохранён: " + e.getMessage());
        }
    }
}
