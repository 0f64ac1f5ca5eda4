package ru.mpgu.lab.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.mpgu.lab.stack.CommandRunner;

/**
 * Allow, don't deny: decides on exactly the configuration that will run. First what compose itself would read
 * (links, include, extends, env files, .env) is screened without running compose; then `docker compose config`
 * resolves the model (interpolation, anchors, merges, all profiles the grader can start) and every key of it is
 * checked against the lab's allow-list. Only a model that passes is handed to {@link ContainedStack}.
 */
public final class ComposePolicy {

    public static final String COMPOSE_FILE = "docker-compose.yml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposePolicy() {
    }

    /** Screens {@code repo}/docker-compose.yml with the grader's environment; starts no container. */
    public static Verdict screen(Path repo, Map<String, String> env) {
        Path root = repo.toAbsolutePath().normalize();
        Path composeFile = root.resolve(COMPOSE_FILE);
        List<Reason> raw = RawComposeScreen.screen(root, composeFile);
        if (!raw.isEmpty()) {
            return new Verdict(raw, null);
        }
        CommandRunner.Result config = CommandRunner.run(root, env, Duration.ofSeconds(30),
                List.of("docker", "compose", "-f", composeFile.toString(), "--profile", "tools", "config", "--format", "json"));
        if (!config.ok()) {
            return new Verdict(List.of(new Reason(Reason.Kind.UNREADABLE, null, null,
                    "docker compose config: " + tail(config.output(), 10))), null);
        }
        return check(config.output(), root);
    }

    /** The allow-list over an already resolved model (`docker compose config --format json` output). */
    public static Verdict check(String configJson, Path repo) {
        JsonNode model;
        try {
            model = JSON.readTree(configJson);
        } catch (Exception e) {
            return new Verdict(List.of(new Reason(Reason.Kind.UNREADABLE, null, null,
                    "не удалось разобрать вывод docker compose config: " + e.getMessage())), null);
        }
        List<Reason> reasons = new ArrayList<>(ResolvedModelScreen.screen(model, repo));
        return new Verdict(reasons, model);
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
