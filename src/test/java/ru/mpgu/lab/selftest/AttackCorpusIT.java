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
import ru.mpgu.lab.stack.FailureKind;
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
                if (e != null && e.kind() == FailureKind.SUBMISSION && e.getMessage().contains("отклонён из соображений безопасности")) {
                    refused.add(attack.name());
                } else {
                    notRefused.add(attack.name() + ": " + (e == null ? "started" : e.getMessage()));
                }
            }
        }
        Map<String, List<String>> after = snapshot();
        System.out.println("[corpus] refused " + refused.size() + " of " + attacks.size());
        before.forEach((what, list) -> System.out.println("[corpus] " + what + ": " + list.size() + " before, "
                + after.get(what).size() + " after"));
        assertThat(notRefused).as("attacks that were not refused").isEmpty();
        assertThat(after).as("Docker objects before and after the corpus").isEqualTo(before);
    }

    /**
     * docker ps -a, images, network ls, volume ls. Objects of other compose projects (other people's stacks on a shared
     * engine) are left out; anything the corpus could create would be in this JVM's labgrade project or unlabelled.
     */
    private static Map<String, List<String>> snapshot() {
        String mine = LabStack.PROJECT_PREFIX + ProcessHandle.current().pid() + "x";
        String project = "{{.Label \"com.docker.compose.project\"}}";
        Map<String, List<String>> s = new TreeMap<>();
        s.put("docker ps -a", filtered(docker("ps", "-a", "--format", "{{.ID}} {{.Names}}|" + project), mine));
        s.put("docker images", filtered(docker("images", "-a", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}|"), mine));
        s.put("docker network ls", filtered(docker("network", "ls", "--format", "{{.ID}} {{.Name}}|" + project), mine));
        s.put("docker volume ls", filtered(docker("volume", "ls", "--format", "{{.Name}}|" + project), mine));
        return s;
    }

    private static List<String> filtered(String output, String mine) {
        return output.lines().map(String::trim).filter(l -> !l.isEmpty())
                .filter(l -> {
                    String label = l.substring(l.indexOf('|') + 1).trim();
                    return label.isEmpty() || label.startsWith(mine);
                }).sorted().toList();
    }

    private static String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        CommandRunner.Result r = CommandRunner.run(null, Map.of(), Duration.ofSeconds(30), cmd);
        assertThat(r.ok()).as(String.join(" ", cmd) + ": " + r.output()).isTrue();
        return r.output();
    }
}
