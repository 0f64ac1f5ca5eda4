package ru.mpgu.lab.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.policy.AttackCorpus;
import ru.mpgu.lab.stack.CommandRunner;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.stack.LabStack;
import ru.mpgu.lab.stack.StackException;

/**
 * Every hostile submission of the corpus, started the way the grader starts any submission (LabStack.start),
 * is refused before Docker has a new container, image, network or volume. Cheap: nothing boots.
 */
class AttackCorpusIT {

    @TempDir
    Path work;

    @Test
    void everyAttackIsRefusedAndDockerIsUntouched() throws Exception {
        Map<String, List<String>> before = snapshot();
        List<String> refused = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        List<AttackCorpus.Attack> attacks = AttackCorpus.all();
        for (AttackCorpus.Attack attack : attacks) {
            Path repo = AttackCorpus.build(attack, Files.createDirectories(work.resolve(attack.name())));
            try (LabStack stack = new LabStack(repo, Duration.ofSeconds(60), m -> { })) {
                StackException e = catchThrowableOfType(StackException.class, stack::start);
                if (e != null && e.kind() == FailureKind.POLICY_REFUSED) {
                    refused.add(attack.name());
                } else {
                    notRefused.add(attack.name() + ": " + (e == null ? "started" : e.getMessage()));
                }
            }
        }
        Map<String, List<String>> after = snapshot();
        System.out.println("[corpus] refused " + refused.size() + " of " + attacks.size());
        Map<String, List<String>> changedByCorpus = new TreeMap<>();
        before.forEach((what, list) -> {
            List<String> added = after.get(what).stream().filter(l -> !list.contains(l))
                    .map(l -> what.equals("docker images") ? l + " " + imageProject(l.split(" ")[0]) : l).toList();
            List<String> removed = list.stream().filter(l -> !after.get(what).contains(l)).toList();
            System.out.println("[corpus] " + what + ": " + list.size() + " before, " + after.get(what).size() + " after"
                    + (added.isEmpty() && removed.isEmpty() ? ", unchanged" : ", added " + added + ", removed " + removed));
            // The engine is shared: only what this JVM's grader project or the corpus's own images could have made counts.
            changedByCorpus.put(what, added.stream().filter(AttackCorpusIT::couldBeTheCorpus).toList());
        });
        assertThat(notRefused).as("attacks that were not refused").isEmpty();
        assertThat(changedByCorpus).as("Docker objects the corpus created").allSatisfy((what, added) -> assertThat(added).as(what).isEmpty());
    }

    private static final String MINE = LabStack.PROJECT_PREFIX + ProcessHandle.current().pid() + "x";

    /** Labelled with this JVM's compose project, or made from an image that only the corpus names. */
    private static boolean couldBeTheCorpus(String line) {
        return line.contains(MINE) || line.contains("alpine:3.20") || line.contains("nginx:latest");
    }

    /** docker ps -a, images, network ls, volume ls, in full (with the compose project of each object). */
    private static Map<String, List<String>> snapshot() {
        String project = "{{.Label \"com.docker.compose.project\"}}";
        Map<String, List<String>> s = new TreeMap<>();
        s.put("docker ps -a", lines(docker("ps", "-a", "--format", "{{.ID}} {{.Names}} {{.Image}} " + project)));
        s.put("docker images", lines(docker("images", "-a", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}")));
        s.put("docker network ls", lines(docker("network", "ls", "--format", "{{.ID}} {{.Name}} " + project)));
        s.put("docker volume ls", lines(docker("volume", "ls", "--format", "{{.Name}} " + project)));
        return s;
    }

    /** The compose project that built an image (docker images cannot print labels). */
    private static String imageProject(String id) {
        CommandRunner.Result r = CommandRunner.run(null, Map.of(), Duration.ofSeconds(30),
                List.of("docker", "image", "inspect", id, "--format", "{{index .Config.Labels \"com.docker.compose.project\"}}"));
        return r.ok() ? r.output().trim() : "";
    }

    private static List<String> lines(String output) {
        return output.lines().map(String::trim).filter(l -> !l.isEmpty()).sorted().toList();
    }

    private static String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        CommandRunner.Result r = CommandRunner.run(null, Map.of(), Duration.ofSeconds(30), cmd);
        assertThat(r.ok()).as(String.join(" ", cmd) + ": " + r.output()).isTrue();
        return r.output();
    }
}
