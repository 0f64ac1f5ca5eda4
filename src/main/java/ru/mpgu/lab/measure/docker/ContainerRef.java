package ru.mpgu.lab.measure.docker;

import java.util.Map;

/** A container of a compose project: its compose service and replica number (from compose labels). */
public record ContainerRef(String id, String name, String service, int replica) {

    public static final String PROJECT_LABEL = "com.docker.compose.project";
    public static final String SERVICE_LABEL = "com.docker.compose.service";
    public static final String NUMBER_LABEL = "com.docker.compose.container-number";

    /** Builds from container labels; service "?" and replica 0 when compose labels are missing. */
    public static ContainerRef fromLabels(String id, String name, Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        int replica;
        try {
            replica = Integer.parseInt(l.getOrDefault(NUMBER_LABEL, "0").strip());
        } catch (NumberFormatException e) {
            replica = 0;
        }
        String cleanName = name != null && name.startsWith("/") ? name.substring(1) : name;
        return new ContainerRef(id, cleanName, l.getOrDefault(SERVICE_LABEL, "?"), replica);
    }

    /** "web#2": how charts and reports name a replica. */
    public String label() {
        return service + "#" + replica;
    }
}
