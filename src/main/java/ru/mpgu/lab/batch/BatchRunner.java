package ru.mpgu.lab.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import ru.mpgu.lab.charts.ChartFiles;
import ru.mpgu.lab.charts.LabCharts;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.facts.StackHash;
import ru.mpgu.lab.integrity.IntegrityCheck;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.integrity.IntegrityReport;
import ru.mpgu.lab.ocr.OcrCache;
import ru.mpgu.lab.ocr.OcrEngine;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.output.Texts;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreOverride;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.variant.ScreenshotCode;

/**
 * Grades every subfolder of a submissions folder and keeps gradebook.csv and index.html up to date after each student
 * (atomic writes), so an interrupted batch loses nothing and a rerun skips finished students. Stacks are measured one
 * at a time; submissions graded against a measured stack's facts run on a pool meanwhile ({@link #withJobs}).
 */
public final class BatchRunner {

    /** Batch settings. {@code manifest} may be null (no integrity comparison). */
    public record Settings(Path submissions, Path out, Path rubricFile, Rubric rubric,
                           Map<String, Map<String, ScoreOverride>> overrides, Duration budget,
                           IntegrityManifest manifest, boolean force) {
    }

    /** How the batch ended. */
    public record Summary(List<GradebookRow> rows, int graded, int skipped, boolean aborted, String abortReason) {
    }

    public static final String MEASURE_RPS_1 = "rps_1_replica";
    public static final String MEASURE_RPS_3 = "rps_3_replicas";

    private final Settings settings;
    /** Stack facts, one JSON file per distinct stack (named by its {@link StackHash}), kept for resumed batches. */
    public static final String FACTS_DIR = "stack-facts";

    private final SubmissionGrader grader;
    private final SubmissionGrader replayGrader;
    private final BooleanSupplier dockerAlive;
    private final PrintWriter out;

    public BatchRunner(Settings settings, SubmissionGrader grader, BooleanSupplier dockerAlive, PrintWriter out) {
        this(settings, grader, grader, dockerAlive, out);
    }

    /**
     * @param grader       grades a submission whose stack is not measured yet: boots it (a child JVM with a budget)
     * @param replayGrader grades a submission against its stack's measured facts (no stack; may run in-process)
     */
    public BatchRunner(Settings settings, SubmissionGrader grader, SubmissionGrader replayGrader, BooleanSupplier dockerAlive,
                       PrintWriter out) {
        this.settings = settings;
        this.grader = grader;
        this.replayGrader = replayGrader;
        this.dockerAlive = dockerAlive;
        this.out = out;
    }

    private ru.mpgu.lab.variant.Roster roster;
    private int jobs = Runtime.getRuntime().availableProcessors();

    /** How many submissions are graded against measured facts at once (stack measurements always run one at a time). */
    public BatchRunner withJobs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + n);
        }
        this.jobs = n;
        return this;
    }

    /** The class list: each submission is then checked against its roster variant (flags and notes only). */
    public BatchRunner withRoster(ru.mpgu.lab.variant.Roster classList) {
        this.roster = classList;
        return this;
    }

    public Summary run() throws IOException {
        Path outDir = settings.out().toAbsolutePath().normalize();
        Files.createDirectories(outDir);
        // the same screenshot (copied, or in many submissions) is read once per batch, and once across resumed batches
        OcrEngine previous = ScreenshotCode.engine();
        OcrCache cache = OcrCache.open(outDir.resolve(OcrCache.FILE_NAME), previous, line -> say("Внимание: " + line));
        ScreenshotCode.use(cache);
        try {
            return run(outDir);
        } finally {
            ScreenshotCode.use(previous);
        }
    }

    /** One submission still to grade, in folder order. {@code stack} and {@code facts} are null for one measured alone. */
    private record Job(int index, Path repo, String name, String prefix, Path studentDir, Map<String, ScoreOverride> section,
                       String hash, String stack, Path facts) {
    }

    /**
     * Stack measurements run here, one at a time (each includes load runs and the database's CPU share: two at once
     * would skew both); as soon as a stack's facts are measured, its other submissions go to the pool, graded against
     * the facts in this JVM while the next stack boots. Rows are kept by folder index, so the outputs keep folder order.
     */
    private Summary run(Path outDir) throws IOException {
        List<Path> folders = submissions(outDir);
        say("Работ к проверке: " + folders.size() + ". Результаты: " + outDir);
        Map<Path, String> stacks = stackHashes(folders);
        long distinct = stacks.values().stream().distinct().count();
        say("Различных стендов: " + distinct + " (каждый запускается и измеряется один раз, остальные работы"
                + " оцениваются по его замеру; одновременно оценивается до " + jobs + ")");
        AnswerGroups answerGroups = new AnswerGroups(settings.rubric());
        Map<String, Map<String, ScoreOverride>> groupVerdicts = answerGroups.overrides(outDir);
        Results results = new Results(outDir, folders.size());
        List<Job> pending = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            Path repo = folders.get(i);
            String name = repo.getFileName().toString();
            String prefix = "[" + (i + 1) + "/" + folders.size() + "] " + name + ": ";
            Path studentDir = outDir.resolve(name);
            // the teacher's verdicts on answer groups, then the overrides file, which wins
            Map<String, ScoreOverride> section = new java.util.LinkedHashMap<>(groupVerdicts.getOrDefault(name, Map.of()));
            section.putAll(settings.overrides().getOrDefault(name, Map.of()));
            String hash = ContentHash.of(repo, rubricText(), BatchOverrides.fingerprint(section));
            Optional<DoneMarker> done = settings.force() ? Optional.empty() : DoneMarker.read(studentDir);
            if (done.isPresent() && done.get().hash().equals(hash)) {
                results.skipped(i, done.get().row());
                say(prefix + "уже проверено, работа не менялась - пропускаю");
                continue;
            }
            String stack = stacks.get(repo);
            pending.add(new Job(i, repo, name, prefix, studentDir, section, hash, stack,
                    stack == null ? null : factsFile(outDir, stack)));
        }
        String abortReason = "";
        ExecutorService pool = Executors.newFixedThreadPool(jobs, new GraderThreads());
        List<Future<?>> queued = new ArrayList<>();
        java.util.Set<Job> dispatched = new java.util.HashSet<>();
        try {
            for (Job job : pending) { // a resumed batch: stacks measured before go to the pool at once
                if (job.facts() != null && !dispatched.contains(job) && measured(job)) {
                    dispatch(pending, job.stack(), dispatched, pool, queued, results);
                }
            }
            for (Job job : pending) {
                if (dispatched.contains(job) || results.failure() != null) {
                    continue;
                }
                dispatched.add(job);
                GradebookRow row = grade(job, false);
                results.record(job, row, false);
                if (job.facts() != null && measured(job)) {
                    dispatch(pending, job.stack(), dispatched, pool, queued, results);
                }
                if (row.flags().contains(Flags.INFRASTRUCTURE) && !dockerAlive.getAsBoolean()) {
                    abortReason = "Docker не отвечает: проверка остановлена после «" + job.name() + "». Готовые строки сохранены в "
                            + outDir.resolve(GradebookCsv.FILE_NAME) + ". Запустите Docker и повторите команду:"
                            + " проверенные работы будут пропущены.";
                    break;
                }
            }
            pool.shutdown();
            for (Future<?> f : queued) {
                awaitQuietly(f);
            }
        } finally {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                    say("Внимание: не все проверки остановились за 5 минут");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (results.failure() != null) {
            throw results.failure();
        }
        List<GradebookRow> rows = results.rows();
        writeOutputs(outDir, rows);
        if (!abortReason.isEmpty()) {
            say(abortReason);
            return new Summary(rows, results.graded(), results.skippedCount(), true, abortReason);
        }
        if (!results.timings().isEmpty()) {
            say("Время замеров стендов (по этапам, из " + FACTS_DIR + "/*.json, поле phaseMillis):");
            results.timings().forEach(line -> say("  " + line));
        }
        say("Группы похожих ответов для решения преподавателя: " + outDir.resolve(AnswerGroups.FILE_NAME) + " ("
                + answerGroups.write(outDir, folders).size() + ")");
        say("Готово: проверено " + results.graded() + ", пропущено (без изменений) " + results.skippedCount() + ". Таблица: "
                + outDir.resolve(GradebookCsv.FILE_NAME) + ", сводка: " + outDir.resolve(BatchHtml.FILE_NAME));
        return new Summary(rows, results.graded(), results.skippedCount(), false, "");
    }

    /** «замер стенда 1a2b…: запуск стенда 43,5 с; …», when this job's grading just measured its stack and saved the facts. */
    private Optional<String> measurementPhases(Job job) {
        if (job.facts() == null) {
            return Optional.empty();
        }
        return StackFacts.readFor(job.facts(), job.repo(), settings.rubricFile())
                .filter(f -> f.measuredOn().equals(job.repo().getFileName().toString()) && !f.phaseMillis().isEmpty())
                .map(f -> "замер стенда " + StackHash.shortForm(job.stack()) + " (" + job.name() + "): " + f.describePhases());
    }

    /** True when the job's stack has facts measured with this rubric (then it is graded against them). */
    private boolean measured(Job job) {
        return StackFacts.readFor(job.facts(), job.repo(), settings.rubricFile()).isPresent();
    }

    /** Every not yet dispatched submission with this stack goes to the pool, in folder order. */
    private void dispatch(List<Job> pending, String stack, java.util.Set<Job> dispatched, ExecutorService pool,
                          List<Future<?>> queued, Results results) {
        for (Job job : pending) {
            if (stack.equals(job.stack()) && dispatched.add(job)) {
                queued.add(pool.submit(() -> results.record(job, grade(job, true), true)));
            }
        }
    }

    /** Grades one job; whatever goes wrong in it becomes its own row (flagged, no done marker), never the batch's end. */
    private GradebookRow grade(Job job, boolean replay) {
        try {
            return gradeOne(job.name(), job.repo(), job.studentDir(), job.section(), job.facts(), replay);
        } catch (IOException | RuntimeException e) {
            return new GradebookRow(job.name(), "", "", Map.of(), null, settings.rubric().total(), "",
                    List.of(Flags.INFRASTRUCTURE), 0, null, null, "",
                    List.of("внутренняя ошибка проверки (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); работа будет проверена заново при следующем запуске"));
        }
    }

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            // record() keeps its own failure; a grading's own errors are rows already
        }
    }

    /** Pool threads: named for thread dumps, daemon so a stuck one never keeps the JVM from exiting after Ctrl-C. */
    private static final class GraderThreads implements java.util.concurrent.ThreadFactory {
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, THREAD_PREFIX + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }

    /** Pool thread names start with this (tests check none is left). */
    static final String THREAD_PREFIX = "lab-batch-grader-";

    /**
     * Finished rows by folder index, shared by the measuring thread and the pool. Each finished row: its done marker,
     * its progress line, then gradebook.csv and index.html rewritten; a thread finding a rewrite under way leaves it to
     * that thread (it rewrites again with the new row), so the pool never queues behind the outputs.
     */
    private final class Results {
        private final Path outDir;
        private final GradebookRow[] rows;
        private int graded;
        private int skipped;
        private final java.util.concurrent.atomic.AtomicBoolean dirty = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();
        private volatile IOException failure;
        /** One line per stack measured in this batch: where its time went. */
        private final List<String> timings = new ArrayList<>();

        Results(Path outDir, int size) {
            this.outDir = outDir;
            this.rows = new GradebookRow[size];
        }

        synchronized void skipped(int index, GradebookRow row) {
            rows[index] = row;
            skipped++;
        }

        void record(Job job, GradebookRow row, boolean replay) {
            try {
                if (!row.flags().contains(Flags.INFRASTRUCTURE)) {
                    new DoneMarker(job.hash(), Instant.now(), row).write(job.studentDir());
                }
            } catch (IOException e) {
                fail(e);
            }
            synchronized (this) {
                rows[job.index()] = row;
                graded++;
                say(job.prefix() + describe(row) + (job.facts() == null ? "" : (replay ? ", стенд " : ", измерен стенд ")
                        + StackHash.shortForm(job.stack())));
                if (!replay) {
                    measurementPhases(job).ifPresent(line -> {
                        say("    " + line);
                        timings.add(line);
                    });
                }
            }
            dirty.set(true);
            while (dirty.get() && writing.tryLock()) {
                try {
                    if (dirty.getAndSet(false)) {
                        writeOutputs(outDir, rows());
                    }
                } catch (IOException | RuntimeException e) {
                    fail(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
                } finally {
                    writing.unlock();
                }
            }
        }

        private synchronized void fail(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }

        IOException failure() {
            return failure;
        }

        synchronized List<GradebookRow> rows() {
            return java.util.Arrays.stream(rows).filter(java.util.Objects::nonNull).toList();
        }

        synchronized List<String> timings() {
            return List.copyOf(timings);
        }

        synchronized int graded() {
            return graded;
        }

        synchronized int skippedCount() {
            return skipped;
        }
    }

    GradebookRow gradeOne(String name, Path repo, Path studentDir, Map<String, ScoreOverride> section) throws IOException {
        return gradeOne(name, repo, studentDir, section, null, false);
    }

    /** The stack hash of each submission that has stack files; a folder that cannot be read has none (measured alone). */
    private static Map<Path, String> stackHashes(List<Path> folders) {
        Map<Path, String> hashes = new LinkedHashMap<>();
        for (Path repo : folders) {
            try {
                if (Files.isRegularFile(repo.resolve("docker-compose.yml"))) {
                    hashes.put(repo, StackHash.of(repo));
                }
            } catch (IOException | RuntimeException e) {
                // measured on its own, without shared facts
            }
        }
        return hashes;
    }

    static Path factsFile(Path outDir, String stackHash) {
        return outDir.resolve(FACTS_DIR).resolve(stackHash + ".json");
    }

    GradebookRow gradeOne(String name, Path repo, Path studentDir, Map<String, ScoreOverride> section, Path facts,
                          boolean replay) throws IOException {
        List<String> flags = new ArrayList<>(SubmissionInspector.preflight(repo));
        List<String> notes = new ArrayList<>();
        LabReport report = ReportParser.parseIn(repo, ReportParser.DEFAULT_PATH);
        if (settings.manifest() != null && !flags.contains(Flags.EMPTY)) {
            IntegrityReport integrity = IntegrityCheck.compare(repo, settings.manifest());
            if (!integrity.of(ru.mpgu.lab.integrity.FileGroup.GRADER).isEmpty()) {
                flags.add(Flags.TAMPERED_TESTS);
            }
            if (!integrity.of(ru.mpgu.lab.integrity.FileGroup.RUBRIC).isEmpty()) {
                flags.add(Flags.TAMPERED_RUBRIC);
            }
            if (integrity.graderTampered()) {
                integrity.describe().stream().filter(l -> !l.startsWith(ru.mpgu.lab.integrity.FileGroup.STACK.russian()))
                        .forEach(notes::add);
            }
        }
        if (!SubmissionInspector.gradable(flags)) {
            return new GradebookRow(name, report.studentName(), report.group(), Map.of(), null, settings.rubric().total(),
                    "", flags, 0, null, null, "", List.of("в папке нет файлов"));
        }
        Path reportDir = studentDir.resolve("report");
        deleteTree(reportDir);
        Files.createDirectories(studentDir);
        Path overridesFile = null;
        if (!section.isEmpty()) {
            overridesFile = BatchOverrides.writeSection(section, studentDir.resolve("overrides.yaml"));
            flags.add(Flags.MANUAL);
        } else {
            Files.deleteIfExists(studentDir.resolve("overrides.yaml"));
        }
        Path log = studentDir.resolve("grading.log");
        GradingOutcome outcome = (replay ? replayGrader : grader).grade(new GradeRequest(name, repo.toAbsolutePath().normalize(),
                reportDir, settings.rubricFile(), overridesFile, settings.budget(), log, facts, rosterVariant(name)));
        ScoreSheet sheet = outcome.sheet();
        if (outcome.timedOut()) {
            flags.add(Flags.TIMEOUT);
        }
        if (outcome.infrastructureFailure()) {
            flags.add(Flags.INFRASTRUCTURE);
        }
        if (!outcome.error().isBlank()) {
            notes.add(outcome.error());
        }
        Map<String, Double> criteria = new LinkedHashMap<>();
        Double total = null;
        String grade = "";
        if (sheet != null) {
            for (CriterionScore c : sheet.criteria()) {
                criteria.put(c.id(), c.earned());
            }
            total = sheet.total();
            grade = sheet.gradeLabel();
            if (sheet.needsReview()) {
                flags.add(Flags.NEEDS_REVIEW);
            }
            if (sheet.allChecks().anyMatch(l -> l.kind() == ru.mpgu.lab.rubric.FailureKind.POLICY_REFUSED)) {
                flags.add(Flags.COMPOSE_REFUSED);
            }
            if (sheet.allChecks().anyMatch(l -> l.kind() == ru.mpgu.lab.rubric.FailureKind.NO_VARIANT)) {
                flags.add(Flags.NO_VARIANT);
            }
            sheet.warnings().forEach(notes::add);
            sheet.allChecks().filter(l -> l.status() == CheckStatus.INFRA_ERROR).limit(2)
                    .forEach(l -> notes.add("сбой окружения: " + l.message()));
        }
        outcome.notices().forEach(notes::add);
        if (roster != null) {
            ru.mpgu.lab.variant.RosterAudit.Result audit = ru.mpgu.lab.variant.RosterAudit.audit(roster, name, repo, report);
            flags.addAll(audit.flags());
            notes.addAll(audit.notes());
        }
        String link = renderReport(reportDir, studentDir, name, report);
        return new GradebookRow(name, report.studentName(), report.group(), criteria, total, settings.rubric().total(), grade,
                flags.stream().distinct().toList(), outcome.elapsed().toMillis() / 1000.0,
                outcome.measurements().get(MEASURE_RPS_1), outcome.measurements().get(MEASURE_RPS_3), link, notes);
    }

    /** The class list's variant code for this folder, or null without a roster or an entry. */
    private String rosterVariant(String folder) {
        return roster == null ? null : roster.forFolder(folder).map(e -> e.variant().code()).orElse(null);
    }

    /** report.md → report.html next to it; the link is relative to the batch output. Falls back to the log. */
    private String renderReport(Path reportDir, Path studentDir, String name, LabReport report) throws IOException {
        Path md = reportDir.resolve(ReportWriter.MARKDOWN);
        if (Files.isRegularFile(md)) {
            String title = "Отчёт проверки: " + (report.studentName() == null || report.studentName().isBlank()
                    ? name : report.studentName());
            ReportWriter.writeAtomically(reportDir.resolve("report.html"),
                    ReportHtml.render(title, Files.readString(md, StandardCharsets.UTF_8), "../../" + BatchHtml.FILE_NAME));
            return name + "/report/report.html";
        }
        return Files.isRegularFile(studentDir.resolve("grading.log")) ? name + "/grading.log" : "";
    }

    /** gradebook.csv, the charts and index.html, each written atomically. */
    void writeOutputs(Path outDir, List<GradebookRow> rows) throws IOException {
        ReportWriter.writeAtomically(outDir.resolve(GradebookCsv.FILE_NAME), GradebookCsv.render(settings.rubric().criteria(), rows));
        List<Double> totals = rows.stream().map(GradebookRow::total).filter(t -> t != null).toList();
        writeChart(outDir.resolve(BatchHtml.TOTALS_CHART), LabCharts.totalsHistogram(totals, settings.rubric().total()));
        List<GradebookRow> measured = rows.stream().filter(r -> r.rps1() != null || r.rps3() != null).toList();
        writeChart(outDir.resolve(BatchHtml.RPS_CHART), LabCharts.requestsPerStudent(
                measured.stream().map(r -> shortName(r)).toList(),
                measured.stream().map(GradebookRow::rps1).toList(),
                measured.stream().map(GradebookRow::rps3).toList()));
        String when = LocalDateTime.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
        Path root = settings.submissions().toAbsolutePath().normalize();
        String copies = CopiesSection.render(ru.mpgu.lab.copies.CopyDetector.find(ru.mpgu.lab.copies.CopyDetector.read(root,
                rows.stream().map(GradebookRow::folder).toList())), root, outDir);
        ReportWriter.writeAtomically(outDir.resolve(BatchHtml.FILE_NAME),
                BatchHtml.render(settings.rubric().title() + ": сводка по группе", settings.rubric().criteria(),
                        settings.rubric().passMark(), rows, when, copies));
    }

    private static void writeChart(Path file, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        ChartFiles.png(chart, tmp);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String shortName(GradebookRow r) {
        if (r.student().isBlank()) {
            return r.folder();
        }
        String[] parts = r.student().trim().split("\\s+");
        return parts.length >= 2 ? parts[0] + " " + parts[1].charAt(0) + "." : parts[0];
    }

    private List<Path> submissions(Path outDir) throws IOException {
        Path root = settings.submissions().toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.toAbsolutePath().normalize().equals(outDir))
                    .sorted().toList();
        }
    }

    private String rubricText() throws IOException {
        return settings.rubricFile() != null && Files.isRegularFile(settings.rubricFile())
                ? Files.readString(settings.rubricFile()) : "";
    }

    static String describe(GradebookRow r) {
        StringBuilder sb = new StringBuilder();
        if (r.total() != null) {
            sb.append(Texts.points(r.total())).append(" из ").append(Texts.points(r.max())).append(" (").append(r.grade()).append(")");
        } else {
            sb.append("без оценки");
        }
        sb.append(", ").append(Texts.duration(Duration.ofMillis(Math.round(r.seconds() * 1000))));
        if (!r.flags().isEmpty()) {
            sb.append(" [").append(String.join(", ", r.flags())).append("]");
        }
        return sb.toString();
    }

    private synchronized void say(String line) {
        out.println(line);
        out.flush();
    }

    /** Removes {@code dir} and everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
