package ru.mpgu.lab.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hostile submissions, each the template with one trick applied: how a student who wants the teacher's files
 * would try to get out. {@code expect} is a fragment the refusal must contain (the key it names).
 */
public final class AttackCorpus {

    public static final Path TEMPLATE = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    public static final Map<String, String> ENV = Map.of("LAB_HTTP_PORT", "18000", "LAB_PROMETHEUS_PORT", "19090",
            "LAB_GRAFANA_PORT", "13000");
    private static final List<String> LAB_FILES = List.of("docker-compose.yml", "app", "nginx", "prometheus",
            "grafana", "wrk", "report");

    public interface Trick {
        void apply(Path repo, Path outside) throws IOException;

        default Trick andThen(Trick next) {
            return (repo, outside) -> {
                apply(repo, outside);
                next.apply(repo, outside);
            };
        }
    }

    public record Attack(String name, String expect, Trick trick) {
        @Override
        public String toString() {
            return name;
        }
    }

    private AttackCorpus() {
    }

    /** A fresh copy of the template in {@code dir}/repo, with {@code dir}/outside holding the teacher's «secret». */
    public static Path template(Path dir) {
        try {
            Path repo = Files.createDirectories(dir.resolve("repo"));
            for (String f : LAB_FILES) {
                copy(TEMPLATE.resolve(f), repo.resolve(f));
            }
            Path outside = Files.createDirectories(dir.resolve("outside"));
            Files.writeString(outside.resolve("secret.txt"), "teacher's private file\n");
            Files.writeString(outside.resolve("evil.yml"), "services:\n  miner:\n    image: alpine\n    privileged: true\n");
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path build(Attack attack, Path dir) {
        Path repo = template(dir);
        try {
            attack.trick().apply(repo, dir.resolve("outside"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return repo;
    }

    /** Replaces one exact fragment of docker-compose.yml; fails loudly if the template changed. */
    static Trick edit(String from, String to) {
        return (repo, outside) -> {
            Path f = repo.resolve("docker-compose.yml");
            String text = Files.readString(f);
            if (!text.contains(from)) {
                throw new IllegalStateException("template has no «" + from + "»");
            }
            Files.writeString(f, text.replace(from, to.replace("@OUT@", outside.toString())));
        };
    }

    static Trick append(String yaml) {
        return (repo, outside) -> Files.writeString(repo.resolve("docker-compose.yml"),
                Files.readString(repo.resolve("docker-compose.yml")) + yaml.replace("@OUT@", outside.toString()));
    }

    /** Adds lines right under `  web:` (the web service). */
    static Trick web(String lines) {
        return edit("  web:\n    <<: *web-image\n", "  web:\n    <<: *web-image\n" + lines);
    }

    static Trick nginx(String lines) {
        return edit("  nginx:\n    image: nginx:1.30-alpine\n", "  nginx:\n    image: nginx:1.30-alpine\n" + lines);
    }

    static Trick dotEnv(String content) {
        return (repo, outside) -> Files.writeString(repo.resolve(".env"), content.replace("@OUT@", outside.toString()));
    }

    public static List<Attack> all() {
        List<Attack> a = new ArrayList<>();
        a.add(new Attack("01-volume-driver-opts-bind-host-root", "driver_opts",
                edit("volumes:\n  db-data:\n", "volumes:\n  db-data:\n    driver: local\n    driver_opts: {type: none, o: bind, device: /}\n")));
        a.add(new Attack("02-build-context-outside", "build.context", edit("build: ./app", "build: @OUT@")));
        a.add(new Attack("03-build-context-dotdot", "build.context", edit("build: ./app", "build: ../")));
        a.add(new Attack("04-secret-from-host-file", "secrets",
                web("    secrets: [teacher]\n").andThen(append("secrets:\n  teacher:\n    file: @OUT@/secret.txt\n"))));
        a.add(new Attack("05-config-from-host-file", "configs",
                web("    configs: [teacher]\n").andThen(append("configs:\n  teacher:\n    file: /etc/passwd\n"))));
        a.add(new Attack("06-env-file-absolute", "env_file", web("    env_file: [/etc/environment]\n")));
        a.add(new Attack("07-env-file-dotdot", "env_file", web("    env_file: [../outside/secret.txt]\n")));
        a.add(new Attack("08-env-file-interpolated-home", "env_file", web("    env_file: [\"${HOME}/.bashrc\"]\n")));
        a.add(new Attack("09-include-outside-file", "include", append("include:\n  - @OUT@/evil.yml\n")));
        a.add(new Attack("10-extends-outside-file", "extends",
                web("    extends: {file: @OUT@/evil.yml, service: miner}\n")));
        a.add(new Attack("11-symlinked-compose-file", "docker-compose.yml", (repo, outside) -> {
            Path real = outside.resolve("docker-compose.yml");
            Files.move(repo.resolve("docker-compose.yml"), real);
            Files.createSymbolicLink(repo.resolve("docker-compose.yml"), real);
        }));
        a.add(new Attack("12-symlinked-config-dir", "вне репозитория", (repo, outside) -> {
            Path fake = Files.createDirectories(outside.resolve("nginx"));
            Files.copy(repo.resolve("nginx/default.conf"), fake.resolve("default.conf"));
            deleteTree(repo.resolve("nginx"));
            Files.createSymbolicLink(repo.resolve("nginx"), fake);
        }));
        a.add(new Attack("13-symlink-to-host-root-mounted", "вне репозитория", (repo, outside) -> {
            Files.createSymbolicLink(repo.resolve("grafana/hostroot"), Path.of("/"));
            edit("      - ./grafana/dashboards:/etc/grafana/dashboards:ro\n",
                    "      - ./grafana/dashboards:/etc/grafana/dashboards:ro\n      - ./grafana/hostroot:/host:ro\n").apply(repo, outside);
        }));
        a.add(new Attack("14-privileged", "privileged", nginx("    privileged: true\n")));
        a.add(new Attack("15-cap-add", "cap_add", web("    cap_add: [SYS_ADMIN]\n")));
        a.add(new Attack("16-devices", "devices", web("    devices: [\"/dev/sda:/dev/sda\"]\n")));
        a.add(new Attack("17-docker-socket", "docker.sock", (edit(
                "      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n",
                "      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n"))));
        a.add(new Attack("18-pid-host", "pid", web("    pid: host\n")));
        a.add(new Attack("19-ipc-host", "ipc", web("    ipc: host\n")));
        a.add(new Attack("20-network-mode-host", "network_mode", nginx("    network_mode: host\n")));
        a.add(new Attack("21-userns-host", "userns_mode", web("    userns_mode: host\n")));
        a.add(new Attack("22-security-opt-unconfined", "security_opt", web("    security_opt: [\"seccomp=unconfined\"]\n")));
        a.add(new Attack("23-extra-service-and-image", "miner",
                edit("\nvolumes:\n", "\n  miner:\n    image: alpine:3.20\n    deploy: {resources: {limits: {cpus: \"0.1\", memory: 16M}}}\n\nvolumes:\n")));
        a.add(new Attack("24-other-image-for-lab-service", "image", edit("image: nginx:1.30-alpine", "image: nginx:latest")));
        a.add(new Attack("25-port-on-all-interfaces", "0.0.0.0", edit("\"${LAB_HTTP_PORT:-8000}:80\"", "\"0.0.0.0:${LAB_HTTP_PORT:-8000}:80\"")));
        a.add(new Attack("26-port-mode-host", "режим", edit("      - \"${LAB_GRAFANA_PORT:-3000}:3000\"\n",
                "      - {target: 3000, published: \"${LAB_GRAFANA_PORT:-3000}\", mode: host}\n")));
        a.add(new Attack("27-sysctls", "sysctls", web("    sysctls: {net.ipv4.ip_forward: 1}\n")));
        a.add(new Attack("28-cgroup-parent", "cgroup_parent", web("    cgroup_parent: /system.slice\n")));
        a.add(new Attack("29-volumes-from", "volumes_from", web("    volumes_from: [db]\n")));
        a.add(new Attack("30-absolute-bind", "вне репозитория", edit("./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro",
                "/etc/passwd:/etc/nginx/conf.d/default.conf:ro")));
        a.add(new Attack("31-dotdot-bind", "вне репозитория", edit("./grafana/dashboards:/etc/grafana/dashboards:ro",
                "../outside:/etc/grafana/dashboards:ro")));
        a.add(new Attack("32-home-bind-by-interpolation", "вне репозитория", edit("./grafana/dashboards:/etc/grafana/dashboards:ro",
                "${HOME}:/etc/grafana/dashboards:ro")));
        a.add(new Attack("33-writable-repo-bind", ":ro", web("    volumes: [\"./:/repo\"]\n")));
        a.add(new Attack("34-profiles-trick-hidden-service", "miner",
                edit("\nvolumes:\n", "\n  miner:\n    image: alpine:3.20\n    profiles: [tools]\n    privileged: true\n\nvolumes:\n")));
        a.add(new Attack("35-anchor-hides-privileged", "privileged",
                edit("x-db-env: &db-env\n", "x-quiet: &quiet\n  privileged: true\n  pid: host\n\nx-db-env: &db-env\n")
                        .andThen(edit("  web:\n    <<: *web-image\n", "  web:\n    <<: [*web-image, *quiet]\n"))));
        a.add(new Attack("36-dotenv-compose-file", "COMPOSE_FILE", dotEnv("COMPOSE_FILE=@OUT@/evil.yml\n")));
        a.add(new Attack("37-dotenv-project-name", "COMPOSE_PROJECT_NAME", dotEnv("COMPOSE_PROJECT_NAME=teacher-db\n")));
        a.add(new Attack("38-dotenv-profiles", "COMPOSE_PROFILES", dotEnv("LAB_HTTP_PORT=8000\nCOMPOSE_PROFILES=tools,evil\n")));
        a.add(new Attack("39-dotenv-docker-host", "DOCKER_HOST", dotEnv("DOCKER_HOST=tcp://10.0.0.1:2375\n")));
        a.add(new Attack("40-dotenv-symlink-out", ".env", (repo, outside) ->
                Files.createSymbolicLink(repo.resolve(".env"), outside.resolve("secret.txt"))));
        a.add(new Attack("41-build-additional-contexts", "additional_contexts",
                edit("  build: ./app\n", "  build:\n    context: ./app\n    additional_contexts: {host: /}\n")));
        a.add(new Attack("42-dockerfile-outside", "build.dockerfile",
                edit("  build: ./app\n", "  build:\n    context: ./app\n    dockerfile: ../../outside/Dockerfile\n")));
        a.add(new Attack("43-external-volume", "external", edit("volumes:\n  db-data:\n", "volumes:\n  db-data:\n    external: true\n    name: teacher_pgdata\n")));
        a.add(new Attack("44-container-name", "container_name", nginx("    container_name: nginx\n")));
        a.add(new Attack("45-label-spoofs-project", "labels", web("    labels: {com.docker.compose.project: other}\n")));
        a.add(new Attack("46-no-memory-limit", "лимит", edit("limits: {cpus: \"0.50\", memory: 64M}", "limits: {cpus: \"0.50\"}")));
        a.add(new Attack("47-huge-memory-limit", "memory", edit("limits: {cpus: \"0.50\", memory: 64M}", "limits: {cpus: \"0.50\", memory: 64G}")));
        a.add(new Attack("48-host-network-attached", "networks", web("    networks: [outer]\n")
                .andThen(append("networks:\n  outer:\n    external: true\n    name: host\n"))));
        a.add(new Attack("49-uts-host", "uts", web("    uts: host\n")));
        a.add(new Attack("50-dns-and-extra-hosts", "extra_hosts", web("    extra_hosts: [\"host.docker.internal:host-gateway\"]\n")));
        a.add(new Attack("51-build-for-pinned-image", "build", edit("image: prom/prometheus:v3.5.5", "image: prom/prometheus:v3.5.0\n    build: ./app")));
        a.add(new Attack("52-bind-propagation", "propagation", edit("./grafana/dashboards:/etc/grafana/dashboards:ro",
                "./grafana/dashboards:/etc/grafana/dashboards:ro,rshared")));
        return a;
    }

    private static void copy(Path from, Path to) throws IOException {
        ru.mpgu.lab.files.FileTrees.copy(from, to, java.util.Set.of("__pycache__", "target"));
    }

    static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
