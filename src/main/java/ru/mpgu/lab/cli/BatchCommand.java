package ru.mpgu.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.batch.BatchOverrides;
import ru.mpgu.lab.batch.BatchRunner;
import ru.mpgu.lab.batch.ChildProcessGrader;
import ru.mpgu.lab.batch.InProcessGrader;
import ru.mpgu.lab.batch.SubmissionGrader;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.template.TemplateExporter;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricException;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.ScoreOverride;
import ru.mpgu.lab.stack.CommandRunner;
import ru.mpgu.lab.stack.StaleStacks;

/**
 * {@code lab batch}: grades every subfolder of --submissions with the teacher's grader and rubric; each distinct stack is
 * measured once in a child JVM with a time budget, the other submissions are graded against its facts in this JVM,
 * --jobs at once; writes gradebook.csv, index.html and per-student reports into --out. Resumable.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Проверить все работы группы: каждая подпапка --submissions - одна работа.",
                "Используются ваши (преподавателя) проверки и критерии, а не копии из работ студентов.",
                "Повторный запуск пропускает уже проверенные и не изменившиеся работы."})
public class BatchCommand implements Callable<Integer> {

    /** The grader for each student; tests put a fake here. Null = a child JVM per student. */
    static volatile SubmissionGrader graderOverride;

    @Spec
    CommandSpec spec;

    @Option(names = "--submissions", required = true, paramLabel = "DIR", description = "Папка с работами (подпапка на студента).")
    Path submissions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Куда писать таблицу, сводку и отчёты.")
    Path out;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Критерии (по умолчанию rubric.yaml текущего каталога или встроенные).")
    Path rubric;

    @Option(names = "--overrides", paramLabel = "FILE",
            description = "YAML с ручными оценками: папка-студента: {id: {points, comment}}.")
    Path overrides;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Эталонные хэши файлов шаблона (по умолчанию - хэши шаблона, который выгрузил бы bin/lab template из этого комплекта).")
    Path manifest;

    @Option(names = "--budget", paramLabel = "T", defaultValue = "300s", converter = DurationConverter.class,
            description = "Предел времени на одну работу: 300s, 5m (по умолчанию 300s).")
    Duration budget;

    @Option(names = "--jobs", paramLabel = "N", converter = JobsConverter.class,
            description = {"Сколько работ оценивать одновременно по уже измеренному стенду (по умолчанию - число ядер, ${DEFAULT-VALUE}).",
                    "Стенды запускаются и измеряются всегда по одному: иначе они делили бы процессор и замеры исказились бы."})
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Проверить заново все работы, даже уже проверенные.")
    boolean force;

    @Option(names = "--roster", paramLabel = "FILE",
            description = "Список группы (CSV: id, ФИО, группа, e-mail): папка работы = id или начало e-mail; сверяются варианты.")
    Path roster;

    @Override
    public Integer call() {
        PrintWriter outWriter = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs " + jobs + ": число одновременных проверок должно быть"
                    + " целым и не меньше 1 (например, --jobs 1 - по одной работе).");
        }
        if (!Files.isDirectory(submissions)) {
            throw new ParameterException(spec.commandLine(), "папка с работами не найдена: " + submissions.toAbsolutePath());
        }
        Map<String, Map<String, ScoreOverride>> overrideMap = Map.of();
        if (overrides != null) {
            try {
                overrideMap = BatchOverrides.read(overrides);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        ru.mpgu.lab.variant.Roster classList = null;
        if (roster != null) {
            try {
                classList = ru.mpgu.lab.variant.Roster.read(roster);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "список группы не читается: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Path outDir = out.toAbsolutePath().normalize();
        Path rubricFile;
        Rubric teacherRubric;
        IntegrityManifest teacherManifest;
        try {
            Files.createDirectories(outDir);
            rubricFile = teacherRubricFile(outDir);
            teacherRubric = RubricLoader.load(rubricFile);
            teacherManifest = teacherManifest(err);
        } catch (RubricException e) {
            throw new ParameterException(spec.commandLine(), "файл критериев с ошибками: " + e.getMessage());
        } catch (IOException e) {
            err.println("Ошибка: не удалось подготовить " + outDir + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        Runnable cleanup = () -> StaleStacks.removeAbandoned(m -> {
            outWriter.println("  " + m);
            outWriter.flush();
        });
        SubmissionGrader grader = graderOverride != null ? graderOverride : ChildProcessGrader.javaChild(cleanup);
        SubmissionGrader replayGrader = graderOverride != null ? graderOverride : new InProcessGrader();
        Thread hook = new Thread(() -> {
            outWriter.println("Прерывание: останавливаю текущую проверку и убираю её контейнеры…");
            outWriter.flush();
            grader.abortCurrent();
        }, "lab-batch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BatchRunner.Summary summary = new BatchRunner(new BatchRunner.Settings(submissions, outDir, rubricFile,
                    teacherRubric, overrideMap, budget, teacherManifest, force), grader, replayGrader,
                    graderOverride != null ? () -> true : BatchCommand::dockerAlive, outWriter).withRoster(classList).withJobs(jobs).run();
            return summary.aborted() ? 1 : 0;
        } catch (IOException e) {
            err.println("Ошибка записи результатов (нет места на диске или нет прав?): " + e.getMessage());
            err.println("Уже готовые строки остались в " + outDir.resolve("gradebook.csv")
                    + "; после исправления запустите команду ещё раз - проверенные работы будут пропущены.");
            err.flush();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    /** --rubric, else ./rubric.yaml (the teacher's repository), else the rubric built into this grader. */
    private Path teacherRubricFile(Path outDir) throws IOException {
        if (rubric != null) {
            if (!Files.isRegularFile(rubric)) {
                throw new ParameterException(spec.commandLine(), "файл критериев не найден: " + rubric.toAbsolutePath());
            }
            return rubric.toAbsolutePath().normalize();
        }
        Path local = Path.of(RubricLoader.FILE_NAME).toAbsolutePath();
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path copy = outDir.resolve(RubricLoader.FILE_NAME);
        try (InputStream in = RubricLoader.class.getResourceAsStream("/" + RubricLoader.FILE_NAME)) {
            if (in == null) {
                throw new ParameterException(spec.commandLine(), "не найден rubric.yaml: укажите --rubric");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private IntegrityManifest teacherManifest(PrintWriter err) throws IOException {
        if (manifest != null) {
            if (!Files.isRegularFile(manifest)) {
                throw new ParameterException(spec.commandLine(), "файл хэшей не найден: " + manifest.toAbsolutePath());
            }
            return IntegrityManifest.read(manifest);
        }
        // submissions come from the exported template (public rubric, no teacher code): compare with its hashes
        Path cwd = Path.of("").toAbsolutePath();
        var kit = TemplateExporter.isKit(cwd) ? java.util.Optional.of(cwd) : TemplateExporter.ownKit();
        if (kit.isPresent()) {
            return TemplateExporter.templateManifest(kit.get());
        }
        var bundled = IntegrityManifest.bundled();
        if (bundled.isPresent()) {
            return bundled.get();
        }
        Path local = Path.of(IntegrityManifest.FILE_NAME);
        if (Files.isRegularFile(local)) {
            return IntegrityManifest.read(local);
        }
        err.println("Внимание: нет " + IntegrityManifest.FILE_NAME + " - изменения тестов в работах не отслеживаются.");
        err.flush();
        return null;
    }

    static boolean dockerAlive() {
        return CommandRunner.run(null, Map.of(), Duration.ofSeconds(20), List.of("docker", "info")).ok();
    }

    /** A whole number ≥ 1. */
    public static final class JobsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new IllegalArgumentException("--jobs " + value + ": число одновременных проверок должно быть целым и"
                        + " не меньше 1 (например, --jobs 1 - по одной работе).");
            }
            return n;
        }
    }

    /** 300s, 5m, 1h, 90 (seconds). */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern P = Pattern.compile("(\\d+)\\s*(s|m|h|с|мин)?");

        @Override
        public Duration convert(String value) {
            Matcher m = P.matcher(value.trim().toLowerCase());
            if (!m.matches()) {
                throw new IllegalArgumentException("неверный предел времени «" + value + "»: пример 300s или 5m");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "m", "мин" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.isZero()) {
                throw new IllegalArgumentException("предел времени должен быть больше нуля");
            }
            return d;
        }
    }
}
