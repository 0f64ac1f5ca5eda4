package ru.mpgu.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.demo.Conclusion;
import ru.mpgu.lab.demo.DemoConsole;
import ru.mpgu.lab.demo.DemoException;
import ru.mpgu.lab.demo.DemoOutputs;
import ru.mpgu.lab.demo.DemoRun;
import ru.mpgu.lab.demo.DemoTarget;
import ru.mpgu.lab.demo.LoadRunner;
import ru.mpgu.lab.demo.StackTarget;
import ru.mpgu.lab.demo.Sweep;
import ru.mpgu.lab.demo.UrlTarget;
import ru.mpgu.lab.measure.load.LoadTargetException;
import ru.mpgu.lab.stack.StackException;

/** {@code lab demo}: the teacher's part 1 — load at growing concurrency with 1 and then N web replicas. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Демонстрация для первой части занятия: нагрузка с ростом числа соединений на 1 реплику web, "
                + "затем на несколько реплик; таблица в терминале, графики и вывод.",
                "Пример: lab demo --repo . --levels 1,5,10,30,60 --step 6s",
                "        lab demo --url http://localhost:8000/orders   (стенд уже запущен)"})
public class DemoCommand implements Callable<Integer> {

    static final int EXIT_FAILED = 1;
    static final int MAX_CONNECTIONS = 1000;
    static final Duration MIN_STEP = Duration.ofSeconds(1);
    static final Duration MAX_STEP = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "Репозиторий лабораторной с docker-compose.yml (по умолчанию ${DEFAULT-VALUE}).")
    Path repo;

    @Option(names = "--url", paramLabel = "URL",
            description = "Не запускать стенд, а нагружать уже работающий, например http://localhost:8000/orders. "
                    + "Без пути берётся --path.")
    String url;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/orders",
            description = "Путь, на который подаётся нагрузка (по умолчанию ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--no-scale",
            description = "С --url: не запускать docker compose --scale; в терминале демо подождёт Enter, "
                    + "пока реплики добавляют вручную.")
    boolean noScale;

    @Option(names = "--levels", paramLabel = "N,N,…", defaultValue = "1,5,10,30,60",
            description = "Уровни одновременных соединений (по умолчанию ${DEFAULT-VALUE}).")
    String levels;

    @Option(names = "--step", paramLabel = "T", defaultValue = "6s",
            description = "Длительность нагрузки на каждом уровне (по умолчанию ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--warmup", paramLabel = "T", defaultValue = "2s",
            description = "Прогрев перед каждым замером, 0 — без прогрева (по умолчанию ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "3",
            description = "Сколько реплик web во втором замере (по умолчанию ${DEFAULT-VALUE}).")
    String replicas;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo",
            description = "Куда сохранить demo-latency.png, demo-throughput.png и demo.json (по умолчанию ${DEFAULT-VALUE}).")
    Path out;

    /** Tests replace the load generator; null means the real one. */
    LoadRunner runner;
    /** Tests force the progress style; null means "live when there is a terminal". */
    Boolean live;
    /** Tests: replaces the manual-scaling pause of --no-scale (e.g. scales an in-process fake). */
    IntConsumer manualScaling;

    @Override
    public Integer call() {
        DemoRun.Settings settings = settings();
        URI target = url == null ? null : targetUrl();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        DemoConsole console = new DemoConsole(stdout, live != null ? live : terminal);

        List<Sweep> sweeps = new ArrayList<>();
        String error = null;
        String conclusion = null;
        int code = 0;
        DemoTarget demoTarget = null;
        try {
            demoTarget = openTarget(target, console, settings.replicas(), terminal);
            console.info("цель: " + demoTarget.describe());
            DemoRun run = new DemoRun(demoTarget, runner == null ? LoadRunner.generator() : runner, console, settings);
            try {
                run.run();
            } finally {
                sweeps.addAll(run.sweeps());
            }
            conclusion = Conclusion.of(sweeps.get(0), sweeps.get(1), Runtime.getRuntime().availableProcessors());
            console.info("");
            console.info("Вывод: " + conclusion);
        } catch (StackException e) {
            error = e.getMessage();
            printError(err, e.getMessage(), e.serviceLogs());
            code = EXIT_FAILED;
        } catch (DemoException | LoadTargetException e) {
            error = e.getMessage();
            printError(err, e.getMessage(), "");
            code = EXIT_FAILED;
        } finally {
            if (demoTarget != null) {
                demoTarget.close();
            }
        }
        if (sweeps.isEmpty()) {
            return code;
        }
        try {
            Map<String, Object> runInfo = new LinkedHashMap<>();
            runInfo.put("finishedAt", OffsetDateTime.now().toString());
            runInfo.put("target", url == null ? "stack" : "url");
            runInfo.put("url", demoTarget == null ? null : demoTarget.url().toString());
            runInfo.put("levels", settings.levels());
            runInfo.put("stepSeconds", settings.step().toMillis() / 1000.0);
            runInfo.put("warmupSeconds", settings.warmup().toMillis() / 1000.0);
            runInfo.put("replicas", settings.replicas());
            runInfo.put("scaling", url == null ? "stack" : noScale ? "none" : "docker compose");
            runInfo.put("cpuCores", Runtime.getRuntime().availableProcessors());
            DemoOutputs.charts(sweeps, out);
            Path json = DemoOutputs.json(out, runInfo, sweeps, conclusion, error);
            console.info("");
            console.info("Сохранено: " + out.resolve(DemoOutputs.LATENCY_PNG) + ", "
                    + out.resolve(DemoOutputs.THROUGHPUT_PNG) + ", " + json);
        } catch (IOException e) {
            printError(err, "не удалось сохранить результаты в " + out.toAbsolutePath() + ": " + e.getMessage(), "");
            code = EXIT_FAILED;
        }
        if (url != null && !noScale && sweeps.size() == 2) {
            console.info("web оставлен в " + settings.replicas() + " репликах; вернуть одну: "
                    + "docker compose up -d --scale web=1 --no-recreate");
        }
        return code;
    }

    private DemoTarget openTarget(URI target, DemoConsole console, int n, boolean terminal) {
        if (target == null) {
            if (System.getenv("TESTCONTAINERS_RYUK_DISABLED") == null) {
                console.info("подсказка: без реестра образов задайте TESTCONTAINERS_RYUK_DISABLED=true "
                        + "и TESTCONTAINERS_CHECKS_DISABLE=true, иначе Testcontainers попытается скачать Ryuk");
            }
            return StackTarget.boot(repo, path, console::info);
        }
        if (!noScale) {
            if (!Files.isRegularFile(repo.resolve("docker-compose.yml"))) {
                throw new ParameterException(spec.commandLine(), "В каталоге --repo " + repo.toAbsolutePath().normalize()
                        + " нет docker-compose.yml, масштабировать нечем. Укажите --repo или добавьте --no-scale.");
            }
            return UrlTarget.withComposeScaling(target, repo, console::info);
        }
        Runnable pause = () -> {
            if (manualScaling != null) {
                manualScaling.accept(n);
            } else if (terminal) {
                console.info("Добавьте реплики (docker compose up -d --scale web=" + n
                        + " --no-recreate) и нажмите Enter…");
                System.console().readLine();
            } else {
                console.info("--no-scale: второй замер идёт без масштабирования");
            }
        };
        return UrlTarget.noScaling(target, pause);
    }

    private DemoRun.Settings settings() {
        try {
            List<Integer> parsedLevels = levels(levels);
            Duration parsedStep = WrkArgs.duration("--step", step);
            if (parsedStep.compareTo(MIN_STEP) < 0 || parsedStep.compareTo(MAX_STEP) > 0) {
                throw new IllegalArgumentException("Параметр --step: " + step
                        + " — слишком " + (parsedStep.compareTo(MIN_STEP) < 0 ? "мало" : "много")
                        + ". Допустимо от 1s до 5m, например --step 6s.");
            }
            Duration parsedWarmup = warmup.strip().equals("0") ? Duration.ZERO : WrkArgs.duration("--warmup", warmup);
            int parsedReplicas = WrkArgs.count("--replicas", replicas);
            if (parsedReplicas < 2 || parsedReplicas > 10) {
                throw new IllegalArgumentException("Параметр --replicas: " + parsedReplicas
                        + " — нужно от 2 до 10 реплик, например --replicas 3.");
            }
            return new DemoRun.Settings(parsedLevels, parsedStep, parsedReplicas, parsedWarmup);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    static List<Integer> levels(String text) {
        TreeSet<Integer> sorted = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("Параметр --levels: «" + text
                        + "» — пустой уровень. Пишите числа через запятую без пробелов, например --levels 1,5,10,30,60.");
            }
            long level = part.strip().matches("\\d{1,12}") ? Long.parseLong(part.strip()) : WrkArgs.count("--levels", part);
            if (level < 1 || level > MAX_CONNECTIONS) {
                throw new IllegalArgumentException("Параметр --levels: уровень " + level + " — допустимо от 1 до "
                        + MAX_CONNECTIONS + " соединений, например --levels 1,5,10,30,60.");
            }
            sorted.add((int) level);
        }
        return List.copyOf(sorted);
    }

    private URI targetUrl() {
        try {
            URI uri = WrkArgs.url(url);
            String rawPath = uri.getRawPath();
            if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
                uri = uri.resolve(path);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void printError(PrintWriter err, String message, String logs) {
        err.println("Ошибка: " + message);
        if (logs != null && !logs.isBlank()) {
            List<String> lines = logs.lines().toList();
            err.println("Последние строки журналов сервисов:");
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> err.println("  " + l));
        }
        err.flush();
    }
}
