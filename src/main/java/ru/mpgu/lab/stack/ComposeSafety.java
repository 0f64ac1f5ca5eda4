package ru.mpgu.lab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before anything is started, a compose file that could reach outside its sandbox:
 * privileged containers, host namespaces, added capabilities, devices, the Docker socket,
 * bind mounts outside the repository, and services without CPU and memory limits.
 */
public final class ComposeSafety {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeSafety() {
    }

    public static void requireSafe(Path repo, Path composeFile, Map<String, String> env) {
        CommandRunner.Result config = CommandRunner.run(repo, env, Duration.ofSeconds(30),
                List.of("docker", "compose", "-f", composeFile.toString(), "--profile", "tools", "config", "--format", "json"));
        List<String> problems = problems(config.output(), repo);
        if (!problems.isEmpty()) {
            throw new StackException(FailureKind.SUBMISSION,
                    "docker-compose.yml отклонён из соображений безопасности, контейнеры не запускались:\n- "
                            + String.join("\n- ", problems));
        }
    }

    static List<String> problems(String configJson, Path repo) {
        List<String> problems = new ArrayList<>();
        JsonNode services;
        try {
            services = JSON.readTree(configJson).path("services");
        } catch (Exception e) {
            problems.add("не удалось разобрать docker compose config: " + e.getMessage());
            return problems;
        }
        Path root = repo.toAbsolutePath().normalize();
        services.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode svc = entry.getValue();
            if (svc.path("privileged").asBoolean(false)) {
                problems.add(name + ": privileged: true");
            }
            for (String ns : List.of("network_mode", "pid", "ipc", "userns_mode", "uts")) {
                if ("host".equals(svc.path(ns).asText())) {
                    problems.add(name + ": " + ns + ": host");
                }
            }
            if (svc.path("cap_add").size() > 0) {
                problems.add(name + ": cap_add " + svc.path("cap_add"));
            }
            if (svc.path("devices").size() > 0) {
                problems.add(name + ": devices " + svc.path("devices"));
            }
            for (JsonNode opt : svc.path("security_opt")) {
                if (opt.asText().contains("unconfined")) {
                    problems.add(name + ": security_opt " + opt.asText());
                }
            }
            for (JsonNode volume : svc.path("volumes")) {
                String type = volume.path("type").asText();
                String source = volume.path("source").asText();
                if (source.contains("docker.sock")) {
                    problems.add(name + ": подключение сокета Docker (" + source + ")");
                } else if ("bind".equals(type)) {
                    Path src = Path.of(source).toAbsolutePath().normalize();
                    if (!src.startsWith(root)) {
                        problems.add(name + ": монтирование каталога вне репозитория (" + source + ")");
                    }
                }
            }
            JsonNode limits = svc.path("deploy").path("resources").path("limits");
            boolean hasCpu = limits.hasNonNull("cpus") || svc.hasNonNull("cpus");
            boolean hasMemory = limits.hasNonNull("memory") || svc.hasNonNull("mem_limit");
            if (!hasCpu || !hasMemory) {
                problems.add(name + ": нет лимитов CPU и памяти (deploy.resources.limits.cpus и memory)");
            }
        });
        return problems;
    }
}
