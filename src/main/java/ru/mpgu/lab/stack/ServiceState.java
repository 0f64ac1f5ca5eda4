package ru.mpgu.lab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** One container of the stack, as `docker compose ps --format json` reports it. */
public record ServiceState(String name, String service, String state, String health, int exitCode) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean running() {
        return "running".equals(state);
    }

    public boolean healthyOrNoCheck() {
        return running() && (health == null || health.isEmpty() || "healthy".equals(health));
    }

    public boolean failed() {
        return ("exited".equals(state) && exitCode != 0) || "unhealthy".equals(health) || "dead".equals(state);
    }

    /** Compose prints one JSON object per line (2.21+) or one JSON array (older): accept both. */
    public static List<ServiceState> parse(String psOutput) {
        List<ServiceState> states = new ArrayList<>();
        for (String line : psOutput.split("\\R")) {
            String trimmed = line.trim();
            if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(trimmed);
                if (node.isArray()) {
                    node.forEach(n -> states.add(of(n)));
                } else {
                    states.add(of(node));
                }
            } catch (Exception ignored) {
                // Not JSON (a warning line): skip it.
            }
        }
        return states;
    }

    private static ServiceState of(JsonNode n) {
        return new ServiceState(n.path("Name").asText(), n.path("Service").asText(), n.path("State").asText(),
                n.path("Health").asText(""), n.path("ExitCode").asInt(0));
    }
}
