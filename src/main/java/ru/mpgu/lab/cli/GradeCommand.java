package ru.mpgu.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.grading.GradingConfig;
import ru.mpgu.lab.grading.GradingResult;
import ru.mpgu.lab.grading.LabGrader;
import ru.mpgu.lab.grading.Overrides;
import ru.mpgu.lab.output.AutogradingResult;
import ru.mpgu.lab.output.Classroom50Result;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.output.RunMetadata;
import ru.mpgu.lab.output.ScoreSheetJson;
import ru.mpgu.lab.rubric.RubricException;
import ru.mpgu.lab.rubric.RubricLoader;

/**
 * {@code lab grade}: grades one repository. Exit 0 = graded (whatever the score), 1 = infrastructure failure
 * (Docker, disk, a check that could not run), 2 = bad arguments. {@code lab batch} runs it in a child JVM.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Проверить одну работу: поднять стенд студента, выполнить задания, посчитать баллы.",
                "Код выхода: 0 - проверено (при любом балле), 1 - сбой окружения, 2 - неверные параметры."})
public class GradeCommand implements Callable<Integer> {

    public static final int EXIT_GRADED = 0;
    public static final int EXIT_INFRA = 1;

    /** Output formats besides the reports in --out. */
    public enum Format { console, github, classroom50, gradescope }

    /** The grading engine; tests put a fake here. */
    static volatile Function<GradingConfig, GradingResult> grader = LabGrader::grade;

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Каталог работы студента (по умолчанию текущий).")
    Path repo;

    @Option(names = "--out", paramLabel = "DIR", description = "Куда писать отчёты (по умолчанию <repo>/target/lab-report).")
    Path out;

    @Option(names = "--rubric", paramLabel = "FILE", description = "Файл критериев (по умолчанию rubric.yaml работы).")
    Path rubric;

    @Option(names = "--overrides", paramLabel = "FILE", description = "YAML с ручными оценками преподавателя: id -> {points, comment}.")
    Path overrides;

    @Option(names = "--facts", paramLabel = "FILE",
            description = "Файл замера стенда (JSON): если в нём замер этих же файлов стенда, стенд не запускается и проверки"
                    + " стенда берутся из него; иначе стенд измеряется и замер записывается в этот файл.")
    Path facts;

    // the batch passes the class list's variant; a student never needs it (their .env names the variant)
    @Option(names = "--roster-variant", paramLabel = "CODE", hidden = true,
            description = "Код варианта по списку группы: с ним сверяются выводы wrk и скриншоты, если в .env варианта нет.")
    String rosterVariant;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "console",
            description = "Форматы вывода: console, github, classroom50, gradescope (можно несколько через запятую).")
    List<Format> formats;

    @Option(names = "--result-json", paramLabel = "FILE", defaultValue = "result.json",
            description = "Куда писать result.json для Classroom 50 (по умолчанию в текущий каталог).")
    Path classroom50File;

    @Option(names = "--report-only", description = "Проверить только отчёт и файлы, не запуская стенд (для платформ без Docker, например Gradescope); проверки стенда получат «не запускалась».")
    boolean reportOnly;

    @Option(names = {"-q", "--quiet"}, description = "Не печатать ход проверки.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradingConfig config = config();
        Set<Format> wanted = formats == null || formats.isEmpty() ? EnumSet.of(Format.console) : EnumSet.copyOf(formats);
        Instant started = Instant.now();
        GradingResult result;
        try {
            result = grader.apply(config);
        } catch (RuntimeException e) {
            err.println("Сбой окружения: проверка не выполнена: " + e.getMessage());
            err.flush();
            return EXIT_INFRA;
        }
        RunMetadata meta = new RunMetadata(result.repo(), started, Instant.now(), Map.of(), List.of());
        try {
            ScoreSheetJson.write(result.reportDir(), result.sheet());
            if (wanted.contains(Format.console) && quiet) {
                out.println(result.consoleSummary());
            }
            if (wanted.contains(Format.github)) {
                Map<String, String> env = System.getenv();
                if (env.containsKey("GITHUB_OUTPUT")) {
                    // the grading itself appended the runners' outputs and the job summary (PlatformOutputs)
                    out.println(AutogradingResult.pointsLine(result.sheet()));
                } else {
                    out.print(AutogradingResult.outputs(result.sheet(), meta));
                    out.println(AutogradingResult.pointsLine(result.sheet()));
                }
                out.println(AutogradingResult.pointsNote(result.sheet()));
            }
            if (wanted.contains(Format.classroom50)) {
                Path file = Classroom50Result.write(classroom50File.toAbsolutePath(), result.sheet(), meta, System.getenv());
                out.println("Результат для Classroom 50: " + file);
            }
            if (wanted.contains(Format.gradescope)) {
                Path written = result.reportDir().resolve(ReportWriter.JSON);
                // Gradescope's harness root; AUTOGRADER_ROOT lets the autograder be tried in a simulated layout
                Path gradescope = Path.of(System.getenv().getOrDefault("AUTOGRADER_ROOT", "/autograder"), "results");
                if (Files.isDirectory(gradescope)) {
                    Files.copy(written, gradescope.resolve("results.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    written = gradescope.resolve("results.json");
                }
                out.println("Результат для Gradescope: " + written);
            }
        } catch (java.io.IOException e) {
            err.println("Сбой окружения: не удалось записать результаты (нет места на диске или нет прав?): " + e.getMessage());
            err.flush();
            return EXIT_INFRA;
        }
        out.flush();
        if (result.sheet().infraFailure()) {
            err.println("Часть проверок не выполнена из-за сбоя окружения: результат неполный.");
            err.flush();
            return EXIT_INFRA;
        }
        return EXIT_GRADED;
    }

    private GradingConfig config() {
        Path dir = repo.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "каталог работы не найден: " + dir);
        }
        GradingConfig config = GradingConfig.forRepo(dir).quietly(quiet).reportOnly(reportOnly);
        if (out != null) {
            config = config.withReportDir(out);
        }
        if (rubric != null) {
            if (!Files.isRegularFile(rubric)) {
                throw new ParameterException(spec.commandLine(), "файл критериев не найден: " + rubric.toAbsolutePath());
            }
            try {
                RubricLoader.load(rubric);
            } catch (RubricException e) {
                throw new ParameterException(spec.commandLine(), "файл критериев " + rubric + " с ошибками: " + e.getMessage());
            }
            config = config.withRubric(rubric);
        }
        if (overrides != null) {
            if (!Files.isRegularFile(overrides)) {
                throw new ParameterException(spec.commandLine(), "файл ручных оценок не найден: " + overrides.toAbsolutePath());
            }
            try {
                Overrides.read(overrides);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            config = config.withOverrides(overrides);
        }
        if (facts != null) {
            config = config.withFacts(facts);
        }
        if (rosterVariant != null) {
            try {
                ru.mpgu.lab.variant.StudentVariant.of("", rosterVariant);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            config = config.withRosterVariant(rosterVariant);
        }
        return config;
    }
}
