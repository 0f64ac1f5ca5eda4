package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.docs.DocCommand.Shell;
import ru.mpgu.lab.docs.DocPlan.Step;

/** Every command a reader is told to type is either run by DocCommandsIT or listed with the reason it is not. */
class DocPlanCoversTheDocsTest {

    private static final Path REPO = Path.of("");
    private final List<DocCommand> documented = DocCommands.in(REPO.toAbsolutePath());
    private final Set<String> texts = documented.stream().map(DocCommand::text).collect(Collectors.toSet());
    private final Set<String> planned = DocPlan.steps().stream().filter(Step::isCommand).map(Step::documented)
            .collect(Collectors.toSet());

    @Test
    void theDocsHaveCommandsAtAll() {
        assertThat(documented).hasSizeGreaterThan(50);
        assertThat(texts).contains("docker compose up", "./mvnw verify", "wrk -c30 -t2 -d20s http://localhost:8000/orders");
    }

    @Test
    void everyDocumentedCommandIsRunOrExplained() {
        List<String> uncovered = new ArrayList<>();
        for (DocCommand c : documented) {
            boolean covered = planned.contains(c.text()) || DocPlan.NOT_RUN.containsKey(c.text())
                    || DocPlan.isMention(c.text(), texts)
                    || c.shell() == Shell.POWERSHELL && DocPlan.posixTwin(c.text()).filter(planned::contains).isPresent();
            if (!covered) {
                uncovered.add(c.where() + "  " + c.text());
            }
        }
        assertThat(uncovered).as("команды документации, которые ни один тест не выполняет (добавьте шаг в DocPlan)")
                .isEmpty();
    }

    @Test
    void thePlanHasNoStaleCommands() {
        Set<String> stale = new TreeSet<>(planned);
        stale.addAll(DocPlan.NOT_RUN.keySet());
        stale.addAll(DocPlan.WINDOWS_TWINS.keySet());
        stale.removeAll(texts);
        assertThat(stale).as("в DocPlan есть команды, которых в документации больше нет").isEmpty();
    }

    @Test
    void windowsLinesTranslateToTheLinuxLinesThatRun() {
        assertThat(DocPlan.posixTwin("$env:LAB_HTTP_PORT=\"8080\"; docker compose up"))
                .contains("LAB_HTTP_PORT=8080 docker compose up");
        assertThat(DocPlan.posixTwin(".\\mvnw.cmd verify")).contains("./mvnw verify");
        assertThat(DocPlan.posixTwin("bin\\lab.cmd demo")).contains("bin/lab demo");
        assertThat(DocPlan.posixTwin("docker compose up")).isEmpty();
        assertThat(REPO.resolve("mvnw.cmd")).exists();
        assertThat(REPO.resolve("bin/lab.cmd")).exists();
    }

    @Test
    void mentionsAreElidedOrPrefixesOfFullCommands() {
        assertThat(DocPlan.isMention("git add screenshots/...", texts)).isTrue();
        assertThat(DocPlan.isMention("wrk -c30 -t2 -d20s URL", texts)).isTrue();
        assertThat(DocPlan.isMention("bash ci/docker/testbed.sh up|images|list|save ФАЙЛ", texts)).isTrue();
        assertThat(DocPlan.isMention("docker compose run", texts)).isTrue();
        assertThat(DocPlan.isMention("docker compose logs setup", texts)).isFalse();
    }

    @Test
    void rewritesKeepTheCommandAndSayWhy() {
        Step up = DocPlan.command("LAB_HTTP_PORT=8080 docker compose up", DocPlan.Place.CLONE, null, null);
        assertThat(up.run()).isEqualTo("LAB_HTTP_PORT=8080 docker compose up -d");
        assertThat(up.why()).hasSize(1);
        assertThat(DocPlan.command("docker compose up -d --scale web=3", DocPlan.Place.CLONE, null, null).run())
                .isEqualTo("docker compose up -d --scale web=3");
        assertThat(DocPlan.command("wrk -c30 -t2 -d60s http://localhost:8000/orders", DocPlan.Place.CLONE, null, null)
                .run()).isEqualTo("wrk -c30 -t2 -d3s http://localhost:8000/orders");
        assertThat(DocPlan.command("bin/lab demo --levels 1,5,10,30,60 --step 6s --out target/demo",
                DocPlan.Place.CLONE, null, null).run()).isEqualTo("bin/lab demo --out target/demo --levels 1,5 --step 2s");
        assertThat(DocPlan.command("sudo apt install wrk", DocPlan.Place.CLONE, null, null).run())
                .isEqualTo("apt install -y wrk");
        assertThat(DocPlan.command("git clone АДРЕС_РЕПОЗИТОРИЯ", DocPlan.Place.PARENT, null, null).run())
                .isEqualTo("git clone \"$DOCS_REMOTE\"");
    }

    /**
     * The teacher guide's `docker save` must list exactly the images docker-compose.yml uses (wrk included) and the
     * base images its builds start FROM: `up` rebuilds web and wrk, which without them needs a registry.
     */
    @Test
    void theOfflineKitListsEveryImageOfTheComposeFile() throws IOException {
        String save = texts.stream().filter(t -> t.startsWith("docker save ")).findFirst().orElseThrow();
        Set<String> listed = new TreeSet<>(Arrays.asList(save.replaceFirst("^docker save -o \\S+ ", "").split(" ")));
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
        Set<String> images = new TreeSet<>();
        compose.findValues("image").forEach(image -> images.add(image.asText()));
        for (String context : List.of("app", "wrk")) {
            Files.readAllLines(REPO.resolve(context).resolve("Dockerfile")).stream().filter(l -> l.startsWith("FROM "))
                    .forEach(l -> images.add(l.split("\\s+")[1]));
        }
        assertThat(listed).isEqualTo(images);
    }
}
