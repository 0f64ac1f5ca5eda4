package ru.mpgu.lab.stack;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes stacks that an earlier grader run left behind when it was killed (kill -9 skips shutdown hooks).
 * A grader project is named labgrade&lt;pid&gt;x…; it is abandoned when that process no longer exists.
 */
public final class StaleStacks {

    private static final Pattern OWNER = Pattern.compile("^" + LabStack.PROJECT_PREFIX + "(\\d+)x");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private StaleStacks() {
    }

    public static void removeAbandoned(Consumer<String> progress) {
        for (String project : graderProjects()) {
            Matcher m = OWNER.matcher(project);
            boolean ownerAlive = m.find() && ProcessHandle.of(Long.parseLong(m.group(1)))
                    .map(ProcessHandle::isAlive).orElse(false);
            if (!ownerAlive) {
                progress.accept("удаляю брошенный стенд прошлого запуска: " + project);
                remove(project);
            }
        }
    }

    /** Every container, network and volume labelled with the project, whatever compose file made it. */
    public static void remove(String project) {
        String label = "label=com.docker.compose.project=" + project;
        List<String> containers = lines(docker("ps", "-aq", "--filter", label));
        if (!containers.isEmpty()) {
            docker(concat(List.of("rm", "-f", "-v"), containers));
        }
        List<String> networks = lines(docker("network", "ls", "-q", "--filter", label));
        if (!networks.isEmpty()) {
            docker(concat(List.of("network", "rm"), networks));
        }
        List<String> volumes = lines(docker("volume", "ls", "-q", "--filter", label));
        if (!volumes.isEmpty()) {
            docker(concat(List.of("volume", "rm", "-f"), volumes));
        }
    }

    public static Set<String> graderProjects() {
        Set<String> projects = new LinkedHashSet<>();
        String format = "{{.Label \"com.docker.compose.project\"}}";
        projects.addAll(lines(docker("ps", "-a", "--format", format)));
        projects.addAll(lines(docker("network", "ls", "--format", format)));
        projects.addAll(lines(docker("volume", "ls", "--format", format)));
        projects.removeIf(p -> !p.startsWith(LabStack.PROJECT_PREFIX));
        return projects;
    }

    private static String docker(String... args) {
        return docker(List.of(args));
    }

    private static String docker(List<String> args) {
        return CommandRunner.run(null, Map.of(), TIMEOUT, concat(List.of("docker"), args)).output();
    }

    private static List<String> lines(String output) {
        return output.lines().map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("Error")).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static Optional<Long> ownerPid(String project) {
        Matcher m = OWNER.matcher(project);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
