package ru.mpgu.lab.stack;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.testcontainers.containers.ComposeContainer;
import ru.mpgu.lab.policy.ComposePolicy;
import ru.mpgu.lab.policy.ContainedStack;
import ru.mpgu.lab.policy.Verdict;
import ru.mpgu.lab.probe.Polled;
import ru.mpgu.lab.probe.Poller;
import ru.mpgu.lab.probe.StackHttp;
import ru.mpgu.lab.rubric.FailureKind;

/**
 * The student's compose stack, booted through Testcontainers on free host ports, under a project name
 * that marks it as the grader's ({@value #PROJECT_PREFIX}&lt;pid&gt;…), so that a later run can remove it if
 * this JVM is killed. Always torn down by {@link #close()} or, on Ctrl-C, by a shutdown hook.
 */
public final class LabStack implements LiveStack, AutoCloseable {

    public static final String PROJECT_PREFIX = "labgrade";
    public static final String WEB_SERVICE = "web";
    /**
     * Switches of the optional extension task (tasks/07), forced off for a graded stack: the grader measures the main
     * lab whatever a student's .env says (the shell's value beats .env in compose), and submissions grouped by
     * {@code StackHash}, which leaves .env out, stay one stack.
     */
    public static final Map<String, String> MAIN_LAB_ENV = Map.of("LAB_ORDERS_CACHE_SECONDS", "0");

    private final Path repo;
    private final Path composeFile;
    private final Duration bootTimeout;
    private final Consumer<String> progress;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final String identifier;
    private ComposeContainer compose;
    /** The file compose really runs: the checked model, contained (see {@link ContainedStack}). */
    private Path runFile;
    private Path runDir;
    private String project;
    private Thread shutdownHook;
    private boolean closed;

    public LabStack(Path repo, Duration bootTimeout, Consumer<String> progress) {
        this.repo = repo.toAbsolutePath().normalize();
        this.composeFile = this.repo.resolve("docker-compose.yml");
        this.bootTimeout = bootTimeout;
        this.progress = progress;
        this.identifier = PROJECT_PREFIX + ProcessHandle.current().pid() + "x";
        env.put("LAB_HTTP_PORT", String.valueOf(FreePorts.next()));
        env.put("LAB_PROMETHEUS_PORT", String.valueOf(FreePorts.next()));
        env.put("LAB_GRAFANA_PORT", String.valueOf(FreePorts.next()));
        env.putAll(MAIN_LAB_ENV);
    }

    @Override
    public URI httpUrl() {
        return URI.create("http://localhost:" + env.get("LAB_HTTP_PORT"));
    }

    @Override
    public URI prometheusUrl() {
        return URI.create("http://localhost:" + env.get("LAB_PROMETHEUS_PORT"));
    }

    @Override
    public URI grafanaUrl() {
        return URI.create("http://localhost:" + env.get("LAB_GRAFANA_PORT"));
    }

    public String projectName() {
        return project;
    }

    /** Boots the stack and waits until nginx, Prometheus and Grafana answer. */
    public void start() {
        if (!Files.isRegularFile(composeFile)) {
            throw new StackException(FailureKind.COMPOSE_INVALID,
                    "В репозитории нет файла docker-compose.yml (ожидался " + composeFile + ").");
        }
        DockerEnvironment.requireReady();
        Verdict verdict = screen();
        StaleStacks.removeAbandoned(progress);
        contain(verdict);
        requireImages();

        compose = new ComposeContainer(identifier, runFile.toFile())
                .withPull(false)
                .withBuild(true)
                .withRemoveVolumes(true)
                .withEnv(env);
        shutdownHook = new Thread(this::tearDown, "lab-stack-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        progress.accept("запускаю стенд (docker compose up, до " + bootTimeout.toSeconds() + " с)…");
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lab-stack-boot");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> boot = executor.submit(compose::start);
            try {
                boot.get(bootTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                boot.cancel(true);
                discoverProject();
                throw diagnose("стенд не поднялся за " + bootTimeout.toSeconds() + " с", true);
            } catch (ExecutionException e) {
                discoverProject();
                throw diagnose("docker compose up завершился с ошибкой", false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException(FailureKind.INFRASTRUCTURE, "запуск стенда прерван");
            }
        } finally {
            executor.shutdownNow();
        }
        discoverProject();
        awaitHttp("nginx → /orders", httpUrl().resolve("/orders"), Duration.ofSeconds(60));
        awaitHttp("Prometheus", prometheusUrl().resolve("/-/ready"), Duration.ofSeconds(60));
        awaitHttp("Grafana", grafanaUrl().resolve("/api/health"), Duration.ofSeconds(90));
        progress.accept("стенд запущен: " + httpUrl() + " (проект " + project + ")");
    }

    /** Scales web with compose itself (Testcontainers has no call for it) and waits for every replica to be healthy. */
    public void scaleWeb(int replicas, Duration timeout) {
        progress.accept("масштабирую web до " + replicas + " реплик…");
        CommandRunner.Result result = compose(timeout, "up", "-d", "--no-recreate", "--no-build",
                "--scale", WEB_SERVICE + "=" + replicas);
        if (!result.ok()) {
            throw new StackException(FailureKind.STACK_DID_NOT_BOOT,
                    "docker compose up --scale web=" + replicas + " не удался:\n" + tail(result.output(), 15),
                    serviceLogs(80));
        }
        Polled<Long> healthy = Poller.until(timeout, Duration.ofSeconds(1), () -> services().stream()
                .filter(s -> WEB_SERVICE.equals(s.service()) && s.healthyOrNoCheck()).count(), n -> n >= replicas);
        switch (healthy.state()) {
            case REACHED -> {
                return;
            }
            case INTERRUPTED -> throw new StackException(FailureKind.INFRASTRUCTURE, "прервано");
            case FAILED -> throw new StackException(FailureKind.INFRASTRUCTURE, "состояние реплик web не прочитано: "
                    + healthy.error().getMessage());
            case TIMED_OUT -> {
            }
        }
        throw new StackException(FailureKind.STACK_DID_NOT_BOOT,
                "после масштабирования не все " + replicas + " реплики web стали healthy за "
                        + timeout.toSeconds() + " с", serviceLogs(80));
    }

    @Override
    public List<ServiceState> services() {
        if (project == null) {
            return List.of();
        }
        CommandRunner.Result ps = compose(Duration.ofSeconds(30), "ps", "-a", "--format", "json");
        return ServiceState.parse(ps.output());
    }

    public String serviceLogs(int tailLines) {
        if (project == null) {
            return "";
        }
        return compose(Duration.ofSeconds(30), "logs", "--no-color", "--tail", String.valueOf(tailLines)).output();
    }

    /** Runs `docker compose -p <project> -f <file> …` with the grader's port settings. */
    public CommandRunner.Result compose(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", project == null ? identifier : project,
                "-f", (runFile == null ? composeFile : runFile).toString()));
        command.addAll(List.of(args));
        return CommandRunner.run(repo, env, timeout, command);
    }

    @Override
    public void close() {
        tearDown();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // Already shutting down: the hook is running this very teardown.
            }
        }
    }

    private synchronized void tearDown() {
        if (closed || compose == null) {
            deleteRunDir();
            return;
        }
        closed = true;
        progress.accept("останавливаю стенд " + (project == null ? identifier : project) + "…");
        try {
            compose.stop();
        } catch (RuntimeException e) {
            progress.accept("Testcontainers не смог остановить стенд (" + e.getMessage() + "), удаляю вручную");
        }
        if (project != null) {
            // Belt and braces: whatever compose.stop() left (a scaled replica, a one-shot container, the network).
            StaleStacks.remove(project);
        }
        deleteRunDir();
    }

    private void deleteRunDir() {
        if (runDir == null) {
            return;
        }
        try (var files = Files.list(runDir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // A temp folder of a few bytes; the OS cleans it eventually.
        }
        runDir.toFile().delete();
    }

    /** The policy of {@link ComposePolicy}: refused before any container, image, network or volume exists. */
    private Verdict screen() {
        Verdict verdict = ComposePolicy.screen(repo, env);
        if (verdict.unreadable()) {
            throw new StackException(FailureKind.COMPOSE_INVALID,
                    "docker-compose.yml содержит ошибку, docker compose не может его прочитать:\n"
                            + verdict.describe()
                            + "\nИсправьте файл и проверьте командой: docker compose config");
        }
        if (!verdict.safe()) {
            throw new StackException(FailureKind.POLICY_REFUSED,
                    "docker-compose.yml отклонён из соображений безопасности, контейнеры не запускались:\n"
                            + verdict.describe()
                            + "\nПроверить заранее: bin/lab check --repo .");
        }
        return verdict;
    }

    private void contain(Verdict verdict) {
        try {
            runDir = Files.createTempDirectory(identifier);
        } catch (java.io.IOException e) {
            throw new StackException(FailureKind.INFRASTRUCTURE, "не удалось создать временную папку: " + e.getMessage());
        }
        runFile = ContainedStack.write(verdict.model(), new ContainedStack.Ports(port("LAB_HTTP_PORT"),
                port("LAB_PROMETHEUS_PORT"), port("LAB_GRAFANA_PORT")), runDir);
    }

    private int port(String name) {
        return Integer.parseInt(env.get(name));
    }

    /** With no registry a missing image is the machine's problem, not the student's: say how to get it. */
    private void requireImages() {
        CommandRunner.Result images = CommandRunner.run(repo, env, Duration.ofSeconds(30),
                List.of("docker", "compose", "-f", runFile.toString(), "config", "--format", "json"));
        List<String> missing = ComposeImages.notBuiltHere(images.output()).stream()
                .filter(image -> !CommandRunner.run(repo, Map.of(), Duration.ofSeconds(20),
                        List.of("docker", "image", "inspect", image)).ok())
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new StackException(FailureKind.INFRASTRUCTURE,
                    "На этом компьютере нет образов " + missing + ". Скачайте их (docker compose pull), "
                            + "загрузите из архива преподавателя (docker load -i lab-images.tar) "
                            + "или соберите без интернета: bash ci/docker/testbed.sh images");
        }
    }

    private void discoverProject() {
        if (project != null) {
            return;
        }
        // By this stack's own run file: every stack of this JVM shares the identifier prefix, and a stack whose
        // boot timed out may still be coming up (or going down) when the next one starts.
        List<String> filter = runFile == null ? List.of()
                : List.of("--filter", "label=com.docker.compose.project.config_files=" + runFile);
        List<String> command = new ArrayList<>(List.of("docker", "ps", "-a"));
        command.addAll(filter);
        command.addAll(List.of("--format", "{{.Label \"com.docker.compose.project\"}}"));
        CommandRunner.Result ls = CommandRunner.run(repo, Map.of(), Duration.ofSeconds(20), command);
        project = ls.output().lines().map(String::trim).filter(p -> p.startsWith(identifier)).findFirst().orElse(null);
    }

    private StackException diagnose(String what, boolean timedOut) {
        List<ServiceState> states = services();
        String logs = serviceLogs(60);
        List<String> failed = states.stream().filter(ServiceState::failed)
                .map(s -> s.service() + " (" + s.state() + (s.health().isEmpty() ? "" : ", " + s.health())
                        + (s.exitCode() != 0 ? ", код " + s.exitCode() : "") + ")")
                .collect(Collectors.toList());
        tearDown();
        if (!failed.isEmpty()) {
            return new StackException(FailureKind.STACK_DID_NOT_BOOT,
                    what + ": не запустились сервисы " + String.join(", ", failed)
                            + ". Журналы сервисов приложены к отчёту; проверьте их и docker compose logs.", logs);
        }
        if (timedOut) {
            return new StackException(FailureKind.INFRASTRUCTURE,
                    what + ", хотя ни один сервис не упал: компьютер перегружен или Docker работает медленно. "
                            + "Закройте лишние программы и запустите проверку ещё раз.", logs);
        }
        return new StackException(FailureKind.INFRASTRUCTURE,
                what + ". Вероятная причина — окружение (занят порт, нет места на диске, Docker). "
                        + "Журналы приложены к отчёту.", logs);
    }

    private void awaitHttp(String name, URI uri, Duration timeout) {
        Polled<Integer> answered = StackHttp.READINESS.awaitAnswer(uri, timeout);
        if (answered.reached()) {
            return;
        }
        if (answered.state() == Polled.State.INTERRUPTED) {
            throw new StackException(FailureKind.INFRASTRUCTURE, "прервано");
        }
        throw new StackException(FailureKind.STACK_DID_NOT_BOOT,
                name + " не отвечает по адресу " + uri + " за " + timeout.toSeconds() + " с (последнее: "
                        + StackHttp.lastSeen(answered) + ")", serviceLogs(60));
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    File composeFile() {
        return composeFile.toFile();
    }
}
