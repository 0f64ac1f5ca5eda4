package ru.mpgu.lab.policy;

import java.util.Map;
import java.util.Set;

/**
 * What the lab's stack needs, and nothing more: its services, their pinned images (docker-compose.yml of the
 * template), which of them may be built from the repository, and the keys a service may use.
 */
final class LabAllowList {

    private LabAllowList() {
    }

    /** Service → the only image it may run. */
    static final Map<String, String> IMAGES = Map.of(
            "db", "postgres:17.9-alpine",
            "setup", "django-scaling-lab/web:1.0",
            "web", "django-scaling-lab/web:1.0",
            "nginx", "nginx:1.30-alpine",
            "prometheus", "prom/prometheus:v3.5.5",
            "grafana", "grafana/grafana:12.2.4",
            "wrk", "django-scaling-lab/wrk:4.1.0");

    /** Services whose image is built from a folder of the repository. */
    static final Set<String> BUILT = Set.of("setup", "web", "wrk");

    static final Set<String> TOP_LEVEL = Set.of("name", "version", "services", "volumes", "networks");

    static final Set<String> SERVICE_KEYS = Set.of("image", "build", "pull_policy", "command", "entrypoint",
            "environment", "healthcheck", "depends_on", "restart", "deploy", "volumes", "ports", "networks",
            "profiles", "working_dir", "expose", "stop_grace_period", "stop_signal");

    static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile", "args", "target");
    static final Set<String> PULL_POLICIES = Set.of("build", "missing", "never", "if_not_present");
    static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "start_interval", "disable");
    static final Set<String> DEPLOY_KEYS = Set.of("resources", "placement", "replicas");
    static final Set<String> RESOURCE_KEYS = Set.of("limits", "reservations");
    static final Set<String> LIMIT_KEYS = Set.of("cpus", "memory", "pids");
    static final Set<String> DEPENDS_KEYS = Set.of("condition", "required", "restart");
    static final Set<String> PORT_KEYS = Set.of("mode", "target", "published", "protocol", "host_ip");
    static final Set<String> BIND_VOLUME_KEYS = Set.of("type", "source", "target", "read_only", "bind");
    static final Set<String> NAMED_VOLUME_KEYS = Set.of("type", "source", "target", "read_only", "volume");
    static final Set<String> TMPFS_VOLUME_KEYS = Set.of("type", "target", "tmpfs", "read_only");

    /** A graded stack may not take more than this per service (the template: at most 1 CPU, 256 MiB). */
    static final double MAX_CPUS = 1.0;
    static final long MAX_MEMORY_BYTES = 512L * 1024 * 1024;
    static final int MAX_REPLICAS = 3;

    /** .env keys that would change which files, project or engine compose uses. */
    static final java.util.List<String> ENV_PREFIXES_REFUSED = java.util.List.of("COMPOSE_", "DOCKER_", "BUILDKIT_");
}
