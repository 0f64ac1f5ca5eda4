package ru.mpgu.lab.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ru.mpgu.lab.probe.Polled;
import ru.mpgu.lab.probe.Poller;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.stack.CommandRunner;
import ru.mpgu.lab.stack.ServiceState;
import ru.mpgu.lab.stack.StackException;

/**
 * A stack that is already running (the teacher started it with {@code docker compose up -d}). Scaling runs
 * {@code docker compose up -d --scale web=N --no-recreate} in the repository and waits until the replicas
 * are healthy; {@link #noScaling} leaves scaling to the person at the keyboard (or to nobody, in tests).
 * Closing does nothing: the demo did not start this stack, so it does not stop it.
 */
public final class UrlTarget implements DemoTarget {

    static final Duration SCALE_TIMEOUT = Duration.ofSeconds(90);

    private final URI url;
    private final Path repo;
    private final Consumer<String> progress;
    private final Runnable manualScaling;

    private UrlTarget(URI url, Path repo, Consumer<String> progress, Runnable manualScaling) {
        this.url = url;
        this.repo = repo;
        this.progress = progress;
        this.manualScaling = manualScaling;
    }

    /** Scales with docker compose in {@code repo}. */
    public static UrlTarget withComposeScaling(URI url, Path repo, Consumer<String> progress) {
        return new UrlTarget(url, repo.toAbsolutePath().normalize(), progress, null);
    }

    /** Never runs docker: {@code beforeSecondSweep} is called instead (e.g. waits for Enter), may be a no-op. */
    public static UrlTarget noScaling(URI url, Runnable beforeSecondSweep) {
        return new UrlTarget(url, null, s -> { }, beforeSecondSweep);
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public void scaleWeb(int replicas) {
        if (manualScaling != null) {
            manualScaling.run();
            return;
        }
        progress.accept("масштабирую web до " + replicas + " реплик: docker compose up -d --scale web="
                + replicas + " --no-recreate (в " + repo + ")…");
        CommandRunner.Result up = CommandRunner.run(repo, Map.of(), SCALE_TIMEOUT, List.of("docker", "compose",
                "up", "-d", "--scale", "web=" + replicas, "--no-recreate"));
        if (!up.ok()) {
            throw new StackException(FailureKind.INFRASTRUCTURE, "docker compose up --scale web=" + replicas
                    + " не удался (код " + up.exitCode() + "):\n" + tail(up.output()));
        }
        Polled<Long> healthy = Poller.until(SCALE_TIMEOUT, Duration.ofSeconds(1), () -> ServiceState.parse(
                CommandRunner.run(repo, Map.of(), Duration.ofSeconds(30), List.of("docker", "compose", "ps", "--format", "json"))
                        .output()).stream().filter(s -> "web".equals(s.service()) && s.healthyOrNoCheck()).count(), n -> n >= replicas);
        if (healthy.reached()) {
            return;
        }
        if (healthy.state() != Polled.State.TIMED_OUT) {
            throw new StackException(FailureKind.INFRASTRUCTURE, "ожидание реплик прервано"
                    + (healthy.error() == null ? "" : ": " + healthy.error().getMessage()));
        }
        throw new StackException(FailureKind.INFRASTRUCTURE, "за " + SCALE_TIMEOUT.toSeconds()
                + " с готовы только " + healthy.lastValue().orElse(0L) + " из " + replicas + " реплик web (docker compose ps в " + repo + ")");
    }

    @Override
    public String describe() {
        return "уже запущенный стенд: " + url + (manualScaling == null ? "" : " (масштабирование вручную)");
    }

    @Override
    public void close() {
        // not ours to stop
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
