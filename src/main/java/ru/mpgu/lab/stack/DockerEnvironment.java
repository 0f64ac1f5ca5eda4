package ru.mpgu.lab.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.rubric.FailureKind;

/** Checks that a Docker engine and Compose v2 answer, and says in Russian how to fix it when they don't. */
public final class DockerEnvironment {

    private DockerEnvironment() {
    }

    public static void requireReady() {
        CommandRunner.Result info = CommandRunner.run(null, Map.of(), Duration.ofSeconds(20),
                List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        if (info.exitCode() == 127) {
            throw new StackException(FailureKind.INFRASTRUCTURE,
                    "Не найдена команда docker. Установите Docker Desktop (Windows/macOS) или Docker Engine (Linux).");
        }
        if (!info.ok()) {
            throw new StackException(FailureKind.INFRASTRUCTURE,
                    "Docker не отвечает: запустите Docker Desktop (или службу docker) и повторите. Ответ docker info: "
                            + LabStack.tail(info.output(), 3));
        }
        CommandRunner.Result compose = CommandRunner.run(null, Map.of(), Duration.ofSeconds(20),
                List.of("docker", "compose", "version", "--short"));
        if (!compose.ok()) {
            throw new StackException(FailureKind.INFRASTRUCTURE,
                    "Нет Docker Compose v2 (команды «docker compose»). Обновите Docker Desktop "
                            + "или установите плагин docker-compose-plugin.");
        }
    }
}
