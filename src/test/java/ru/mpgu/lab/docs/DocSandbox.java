package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ru.mpgu.lab.docs.DocPlan.Outcome;
import ru.mpgu.lab.docs.DocPlan.Place;
import ru.mpgu.lab.stack.CommandRunner;

/**
 * A reader's machine in a folder: a "remote" the student clones from and pushes to, a home folder of its own
 * (git config, ~/group-21), and the clone. Commands run through bash there; {@link #close()} removes every
 * container, network and volume of the clone's compose project.
 */
public final class DocSandbox implements AutoCloseable {

    /** The docs' default host ports, which the steps use as written. */
    static final List<Integer> PORTS = List.of(8000, 3000, 9090, 8080, 3001);
    private static final String FOLDER = "lab-docs";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final Path project;
    private final Path root;
    private final Path home;
    private final Path parent;
    private final Path windowsParent;
    private final Path remote;
    private final Map<String, String> env = new HashMap<>();
    private final Set<String> volumesBefore;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** {@code project}: the repository whose docs are followed; {@code root}: an empty scratch folder. */
    public DocSandbox(Path project, Path root) throws IOException {
        this.project = project.toAbsolutePath();
        this.root = root.toAbsolutePath();
        this.home = Files.createDirectories(this.root.resolve("home"));
        this.parent = Files.createDirectories(this.root.resolve("student"));
        this.windowsParent = Files.createDirectories(this.root.resolve("windows"));
        this.remote = this.root.resolve("remote").resolve(FOLDER + ".git");
        env.put("HOME", home.toString());
        // Maven and its wrapper keep using the real caches; Java takes user.home from the passwd entry anyway.
        env.put("MAVEN_USER_HOME", Path.of(System.getProperty("user.home"), ".m2").toString());
        env.put("DOCS_REMOTE", remote.toString());
        env.put("DOCS_CLONE", clone().toString());
        for (String who : List.of("AUTHOR", "COMMITTER")) {
            env.put("GIT_" + who + "_NAME", "Студент Проверочный");
            env.put("GIT_" + who + "_EMAIL", "student@example.org");
        }
        volumesBefore = volumes();
    }

    private Set<String> volumes() {
        return new HashSet<>(shell(Place.PARENT, "docker volume ls -q").lines().filter(l -> !l.isBlank()).toList());
    }

    /** Volumes made since the sandbox opened that no compose project owns (an image's anonymous VOLUME). */
    private Set<String> strayVolumes() {
        Set<String> made = volumes();
        made.removeAll(volumesBefore);
        made.removeIf(v -> v.startsWith(FOLDER + "_")); // the project's named volumes outlive `down` by design
        return made;
    }

    /** Fails with a plain reason when a port the docs use is taken (a student stack left running, say). */
    public static void requireFreePorts() {
        List<Integer> busy = new ArrayList<>();
        for (int port : PORTS) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(port);
            }
        }
        assertThat(busy).as("порты из документации заняты (остановите свой стенд: docker compose down)").isEmpty();
    }

    /** The remote holds the working tree as it is now (tracked and new files), as one commit on main. */
    public void publishWorkingTree() {
        Path tree = root.resolve("tree");
        String files = must(project, List.of("git", "ls-files", "-co", "--exclude-standard", "-z"));
        try {
            for (String file : files.split("\0")) {
                Path from = project.resolve(file);
                if (file.isEmpty() || !Files.isRegularFile(from)) {
                    continue; // deleted but not yet committed
                }
                Path to = tree.resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        must(tree, List.of("git", "init", "-q", "-b", "main"));
        must(tree, List.of("git", "add", "-A"));
        must(tree, List.of("git", "commit", "-q", "-m", "Шаблон лабораторной"));
        must(root, List.of("git", "clone", "-q", "--bare", tree.toString(), remote.toString()));
    }

    public Path clone() {
        return parent.resolve(FOLDER);
    }

    Path dir(Place place) {
        return switch (place) {
            case PARENT -> parent;
            case WINDOWS_PARENT -> windowsParent;
            case CLONE -> clone();
        };
    }

    /** Runs one line through bash in {@code place}. */
    public Outcome run(Place place, String command, Duration timeout) {
        CommandRunner.Result result = CommandRunner.run(dir(place), env, timeout, List.of("bash", "-c", command));
        String output = result.timedOut() ? result.output() + "\n[не уложилась в " + timeout.toSeconds() + " с]"
                : result.output();
        return new Outcome(result.timedOut() ? -1 : result.exitCode(), output);
    }

    String shell(Place place, String command) {
        return run(place, command, Duration.ofSeconds(60)).output();
    }

    private String must(Path dir, List<String> command) {
        CommandRunner.Result result = CommandRunner.run(dir, env, Duration.ofMinutes(2), command);
        if (!result.ok()) {
            throw new IllegalStateException(String.join(" ", command) + ": " + result.output());
        }
        return result.output();
    }

    // ---- waits (each bounded) ----

    void waitForOrders(int port) throws InterruptedException {
        waitForHttp("http://localhost:" + port + "/orders?limit=1", WAIT);
    }

    void waitForHttp(String url, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "нет ответа";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(url + " не ответил 200 за " + limit.toSeconds() + " с: " + last);
    }

    void waitForReplicas(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String ps = "";
        while (System.nanoTime() < deadline) {
            ps = shell(Place.CLONE, "docker compose ps web --format '{{.Name}} {{.Health}}'");
            long healthy = ps.lines().filter(l -> l.endsWith(" healthy")).count();
            long all = ps.lines().filter(l -> !l.isBlank()).count();
            if (healthy == n && all == n) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("ожидалось " + n + " здоровых копий web, а docker compose ps web:\n" + ps);
    }

    /** nginx re-resolves web every 2 s: repeat the loop (bounded) until all replicas answer. */
    void assertRoundRobin(Outcome first, int replicas) throws InterruptedException {
        Outcome outcome = first;
        for (int attempt = 0; attempt < 15; attempt++) {
            Set<String> served = new HashSet<>();
            outcome.output().lines().filter(l -> l.toLowerCase().startsWith("x-served-by:"))
                    .forEach(l -> served.add(l.substring(l.indexOf(':') + 1).strip()));
            assertThat(outcome.output().lines().filter(l -> l.toLowerCase().startsWith("x-served-by:")).count())
                    .as("строк X-Served-By").isEqualTo(6);
            if (served.size() == replicas) {
                return;
            }
            Thread.sleep(1000);
            outcome = run(Place.CLONE, DocPlan.WINDOWS_TWINS.values().iterator().next(), Duration.ofSeconds(30));
        }
        throw new AssertionError("6 запросов не разошлись по " + replicas + " копиям:\n" + outcome.output());
    }

    void assertNoContainers() {
        String left = shell(Place.CLONE, "docker ps -a --filter label=com.docker.compose.project=" + FOLDER
                + " --format '{{.Names}}'");
        assertThat(left.strip()).as("контейнеры после docker compose down").isEmpty();
        assertThat(strayVolumes()).as("безымянные тома после docker compose down (копятся с каждым запуском)")
                .isEmpty();
    }

    // ---- files the steps produce ----

    void assertCheckoutHasLf(Place parentPlace) throws IOException {
        Path script = dir(parentPlace).resolve(FOLDER).resolve("app/docker-entrypoint-setup.sh");
        assertThat(Files.readString(script)).as(script + " без CRLF").doesNotContain("\r");
    }

    void assertGraded(Outcome outcome) {
        assertThat(outcome.output()).contains("Итого:");
        assertThat(clone().resolve("target/lab-report/report.md")).exists();
    }

    void assertReportMentions(String reportDir, String text) throws IOException {
        assertThat(Files.readString(clone().resolve(reportDir).resolve("report.md"))).contains(text);
    }

    void assertClassroomResult() {
        assertThat(clone().resolve("result.json")).exists().content().contains("classroom50/result/v1");
    }

    void assertDemoCharts(String out) {
        assertThat(clone().resolve(out).resolve("demo-latency.png")).exists().isNotEmptyFile();
        assertThat(clone().resolve(out).resolve("demo-throughput.png")).exists().isNotEmptyFile();
    }

    void assertImageArchive() throws IOException {
        assertThat(Files.size(clone().resolve("lab-images.tar"))).as("размер lab-images.tar").isGreaterThan(50L << 20);
    }

    /** The archive is ≈ 2 GB: gone once it has been loaded (or checked, for the last one). */
    void deleteImageArchive() throws IOException {
        Files.deleteIfExists(clone().resolve("lab-images.tar"));
    }

    void assertBatch(String outInHome, String overrideComment) throws IOException {
        Path out = home.resolve(outInHome);
        assertThat(out.resolve("gradebook.csv")).exists().content().contains("ivanova");
        assertThat(out.resolve("index.html")).exists();
        if (overrideComment != null) {
            try (Stream<Path> files = Files.walk(out)) {
                boolean found = files.filter(p -> p.getFileName().toString().equals("report.md"))
                        .anyMatch(p -> DocCommands.read(p).contains(overrideComment));
                assertThat(found).as("ручная оценка «" + overrideComment + "» в отчёте ivanova").isTrue();
            }
        }
    }

    String remoteHeadSubject() {
        return must(root, List.of("git", "--git-dir", remote.toString(), "log", "-1", "--format=%s", "main")).strip();
    }

    // ---- what the reader does by hand ----

    void saveScreenshots() throws IOException {
        Path fixture = project.resolve("src/test/resources/fixtures/model/screenshots");
        for (String name : List.of("orders.png", "grafana.png")) {
            Files.copy(fixture.resolve(name), clone().resolve("screenshots").resolve(name));
        }
    }

    /** The teacher guide's {@code n}-th yaml example, saved as overrides.yaml in the clone. */
    void writeOverrides(int n) throws IOException {
        List<String> yaml = DocCommands.fencedBlocks(clone().resolve("tasks/teacher-guide.md"), "yaml");
        assertThat(yaml).as("примеры overrides.yaml в руководстве").hasSizeGreaterThan(n);
        Files.writeString(clone().resolve("overrides.yaml"), yaml.get(n));
    }

    /** The teacher clones the pushed work into ~/group-21/ivanova. */
    void collectSubmissions() throws IOException {
        Path group = Files.createDirectories(home.resolve("group-21"));
        must(group, List.of("git", "clone", "-q", remote.toString(), "ivanova"));
    }

    /** Removes the clone's compose project (every profile), whatever state the steps left it in. */
    @Override
    public void close() {
        if (Files.isDirectory(clone())) {
            run(Place.CLONE, "docker compose --profile tools down -v --remove-orphans -t 5", Duration.ofMinutes(2));
        }
        String ids = shell(Place.PARENT, "docker ps -aq --filter label=com.docker.compose.project=" + FOLDER);
        if (!ids.isBlank()) {
            shell(Place.PARENT, "docker rm -fv " + String.join(" ", ids.strip().split("\\s+")));
        }
        Set<String> stray = strayVolumes();
        if (!stray.isEmpty()) {
            shell(Place.PARENT, "docker volume rm " + String.join(" ", stray));
        }
        try {
            deleteImageArchive();
        } catch (IOException ignored) {
            // best effort: the scratch folder is under target/
        }
    }

    /** For the progress line: the command with the sandbox's variables as a reader would see them. */
    public String show(String command) {
        Matcher m = Pattern.compile("\\$(HOME|DOCS_REMOTE|DOCS_CLONE)").matcher(command);
        return m.replaceAll(r -> Matcher.quoteReplacement(root.relativize(Path.of(env.get(r.group(1)))).toString()));
    }
}
