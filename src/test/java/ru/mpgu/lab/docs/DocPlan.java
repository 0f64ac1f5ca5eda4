package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.mpgu.lab.measure.SocketErrors;
import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkResult;

/**
 * How every command of the README and the task sheets is exercised: the student's and the teacher's path
 * as steps run in a {@link DocSandbox}, and for the few that cannot run on a Linux CI machine, the reason.
 * A command added to the docs and missing here fails {@code DocPlanCoversTheDocsTest}.
 */
public final class DocPlan {

    /** Where a step runs: the folder the reader clones into, a second one for the Windows clone, or the clone. */
    public enum Place {
        PARENT, WINDOWS_PARENT, CLONE
    }

    /** What a command printed and returned. */
    public record Outcome(int exitCode, String output) {
    }

    /** Checks a step's outcome; may wait on the sandbox (bounded). */
    @FunctionalInterface
    public interface Expect {
        void check(Outcome outcome, DocSandbox box) throws Exception;
    }

    /** Something the reader does by hand between commands (saves a screenshot, hands in the work). */
    @FunctionalInterface
    public interface Action {
        void perform(DocSandbox box) throws Exception;
    }

    /**
     * One step. {@code documented} is the command as the docs print it (null for a hand-made action);
     * {@code run} is what is executed, after the {@link #REWRITES} that make it non-interactive and short.
     */
    public record Step(String documented, String run, List<String> why, Place place, Duration timeout,
                       Expect expect, Action action) {

        public boolean isCommand() {
            return documented != null;
        }
    }

    /** A change that makes a documented command runnable unattended; {@code why} is printed with it. */
    record Rewrite(Pattern applies, Pattern find, String replacement, String why) {
        String apply(String command) {
            return applies.matcher(command).find() ? find.matcher(command).replaceAll(replacement) : command;
        }
    }

    static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("docker compose up(?!.* -d)"), Pattern.compile("docker compose up"),
                    "docker compose up -d", "`docker compose up` держит терминал до Ctrl-C: запускаю с -d и жду /orders"),
            new Rewrite(Pattern.compile("^(wrk|docker compose run --rm wrk|bin/lab load) "), Pattern.compile(" -d\\d+s "),
                    " -d3s ", "длительность нагрузки сокращена до 3 с: цифры урока меряют bench/ и StackEndToEndIT"),
            new Rewrite(Pattern.compile("^bin/lab demo"), Pattern.compile(" --(levels|step) \\S+"), "",
                    "демо сокращено: уровни 1,5 по 2 с"),
            new Rewrite(Pattern.compile("^bin/lab demo"), Pattern.compile("$"), " --levels 1,5 --step 2s", null),
            new Rewrite(Pattern.compile("^docker stats$"), Pattern.compile("$"), " --no-stream",
                    "`docker stats` обновляется до Ctrl-C: один снимок"),
            new Rewrite(Pattern.compile("apt install "), Pattern.compile("apt install "), "apt install -y ",
                    "без вопроса «продолжить?»"),
            new Rewrite(Pattern.compile("^sudo "), Pattern.compile("^sudo "), "",
                    "CI работает от root, sudo там нет"));

    /** Placeholders of the docs and the sandbox's value for each (shell variables the sandbox exports). */
    static final Map<String, String> PLACEHOLDERS = placeholders();

    private static Map<String, String> placeholders() {
        Map<String, String> map = new LinkedHashMap<>(); // longest first: ПАПКА_С_… before ПАПКА
        map.put("ПАПКА_С_РЕПОЗИТОРИЯМИ", "\"$HOME/group-21\"");
        map.put("АДРЕС_РЕПОЗИТОРИЯ", "\"$DOCS_REMOTE\"");
        map.put("РЕЗУЛЬТАТЫ", "\"$HOME/group-21-readme-results\"");
        map.put("ПАПКА", "\"$DOCS_CLONE\"");
        map.put("ВАШ_ID", "2023001"); // the sandbox student; V01-NVRP is this id's code (VariantsTest)
        map.put("КОД_ВАРИАНТА", "V01-NVRP");
        return map;
    }

    private static final String EXTENSION = "дополнительное задание: замер в bench/extension-task.sh";

    /** Commands that are not run, and why. Keep it short: each line here is a command CI does not prove. */
    static final Map<String, String> NOT_RUN = Map.ofEntries(
            Map.entry("brew install wrk", "только macOS; на Linux выполняется `sudo apt install wrk`"),
            Map.entry("bash teacher/offline-kit.sh ПАПКА_КОМПЛЕКТА", "архив образов (2,6 ГБ) и Maven-репозиторий с нуля"
                    + " слишком долги для CI; комплект и работа из него без сети проверяются bench/offline-kit-proof.sh"),
            Map.entry("wsl --install", "только Windows (WSL2)"),
            Map.entry("wsl --update", "только Windows (WSL2)"),
            Map.entry("wsl --shutdown", "только Windows (WSL2)"),
            Map.entry("sudo systemctl start docker",
                    "в контейнере CI нет systemd; dockerd запускает `ci/docker/testbed.sh engine`"),
            Map.entry("bash ci/run-tests.sh", "это команда, внутри которой идёт этот тест (её вызывает .ci/run)"),
            Map.entry("./mvnw -B verify -Pselftest", "это прогон, внутри которого идёт этот тест"),
            Map.entry("./mvnw -Pselftest verify -Dit.test=FixtureGradingIT",
                    "FixtureGradingIT выполняется в этом же прогоне -Pselftest"),
            // tasks/07: the cache's effect is a measurement, not a doc step; the switch itself is app/orders/tests
            Map.entry("LAB_ORDERS_CACHE_SECONDS=10 docker compose up -d --scale web=3", EXTENSION),
            Map.entry("$env:LAB_ORDERS_CACHE_SECONDS=\"10\"; docker compose up -d --scale web=3", EXTENSION),
            Map.entry("$env:LAB_ORDERS_CACHE_SECONDS=\"0\"; docker compose up -d --scale web=3", EXTENSION),
            Map.entry("docker compose exec web printenv LAB_ORDERS_CACHE_SECONDS", EXTENSION));

    /** PowerShell lines that cannot be translated word for word, and the bash line they mirror. */
    static final Map<String, String> WINDOWS_TWINS = Map.of(
            "1..6 | ForEach-Object { (Invoke-WebRequest -UseBasicParsing http://localhost:8000/orders).Headers['X-Served-By'] }",
            "for i in 1 2 3 4 5 6; do curl -s -o /dev/null -D - http://localhost:8000/orders | grep -i x-served-by; done");

    private static final Pattern PS_ENV = Pattern.compile("^\\$env:([A-Z_]+)=\"([^\"]*)\";\\s*");

    private DocPlan() {
    }

    /** The bash line a PowerShell line mirrors, if the docs' Windows line is a plain translation of one. */
    public static Optional<String> posixTwin(String powershell) {
        String twin = WINDOWS_TWINS.get(powershell);
        if (twin != null) {
            return Optional.of(twin);
        }
        String text = powershell;
        Matcher env = PS_ENV.matcher(text);
        if (env.find()) {
            text = env.group(1) + "=" + env.group(2) + " " + text.substring(env.end());
        }
        text = text.replace("curl.exe ", "curl ")
                .replaceAll("^(\\.\\\\)?mvnw\\.cmd\\b", "./mvnw")
                .replaceAll("^bin\\\\lab\\.cmd\\b", "bin/lab");
        return text.equals(powershell) ? Optional.empty() : Optional.of(text);
    }

    /** A mention of a command rather than one to type: elided, a placeholder, or alternatives. */
    static boolean isMention(String text, Set<String> allCommands) {
        if (text.contains("...") || text.contains("…") || text.matches(".*\\b(URL|ПАРАМЕТРЫ|ФАЙЛ)\\b.*")
                || text.matches(".*\\w\\|\\w.*")) {
            return true;
        }
        return allCommands.stream().anyMatch(other -> other.length() > text.length() && other.startsWith(text + " "));
    }

    /** What is executed for a documented command, and the reasons it differs. */
    static Step command(String documented, Place place, Duration timeout, Expect expect) {
        String run = documented;
        List<String> why = new ArrayList<>();
        for (Rewrite rewrite : REWRITES) {
            String next = rewrite.apply(run);
            if (!next.equals(run) && rewrite.why() != null) {
                why.add(rewrite.why());
            }
            run = next;
        }
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
            if (run.contains(p.getKey())) {
                run = run.replace(p.getKey(), p.getValue());
                why.add(p.getKey() + " → " + p.getValue());
            }
        }
        return new Step(documented, run, List.copyOf(why), place, timeout, expect, null);
    }

    private static final Duration SHORT = Duration.ofMinutes(2);
    private static final Duration GRADING = Duration.ofMinutes(8);

    static Step at(Place place, String documented, Expect expect) {
        return command(documented, place, SHORT, expect);
    }

    static Step run(String documented, Expect expect) {
        return command(documented, Place.CLONE, SHORT, expect);
    }

    static Step grading(String documented, Expect expect) {
        return command(documented, Place.CLONE, GRADING, expect);
    }

    static Step byHand(String what, Action action) {
        return new Step(null, what, List.of(), Place.CLONE, SHORT, null, action);
    }

    private static Expect ok() {
        return (o, box) -> assertThat(o.exitCode()).as("код выхода").isZero();
    }

    private static Expect okAnd(Expect more) {
        return (o, box) -> {
            ok().check(o, box);
            more.check(o, box);
        };
    }

    private static Expect prints(String... fragments) {
        return okAnd((o, box) -> assertThat(o.output()).contains(fragments));
    }

    private static Expect servesOrders(int port) {
        return okAnd((o, box) -> box.waitForOrders(port));
    }

    /**
     * wrk reached the stand and every answer was 2xx. Timeouts are allowed: at one replica, 30 connections on
     * {@code ?limit=100} queue past wrk's 2 s timeout on a slow machine, and that queue is what the lab shows.
     */
    private static Expect wrkOutput() {
        return okAnd((o, box) -> {
            WrkResult result = new WrkOutputParser().parse(o.output());
            assertThat(result.requests()).as("запросов в выводе wrk").isPositive();
            assertThat(result.non2xx3xx()).as("ответов не 2xx").isZero();
            SocketErrors errors = result.socketErrors();
            assertThat(errors.connect() + errors.read() + errors.write()).as("ошибок connect/read/write").isZero();
        });
    }

    private static Expect replicas(int n) {
        return okAnd((o, box) -> box.waitForReplicas(n));
    }

    /** The student's path (tasks 00–06), then the teacher's (README, teacher guide), in the order a reader meets them. */
    public static List<Step> steps() {
        String orders = "curl -i \"http://localhost:8000/orders?limit=2\"";
        return List.of(
                // tasks/01: tools, clone, start
                at(Place.PARENT, "docker version", prints("Server")),
                at(Place.PARENT, "docker compose version", prints("Docker Compose version")),
                at(Place.PARENT, "git config --global core.autocrlf input",
                        okAnd((o, box) -> assertThat(box.shell(Place.PARENT, "git config --global core.autocrlf"))
                                .contains("input"))),
                at(Place.WINDOWS_PARENT, "git clone -c core.autocrlf=false АДРЕС_РЕПОЗИТОРИЯ",
                        okAnd((o, box) -> box.assertCheckoutHasLf(Place.WINDOWS_PARENT))),
                at(Place.PARENT, "git clone АДРЕС_РЕПОЗИТОРИЯ", okAnd((o, box) -> box.assertCheckoutHasLf(Place.PARENT))),
                at(Place.PARENT, "cd ПАПКА", ok()),
                run("mkdir screenshots", ok()),
                // No registry in CI: Docker Hub is the local mirror this command keeps filled with the stand-ins.
                run("bash ci/docker/testbed.sh mirror", prints("зеркало готово")),
                run("docker compose --profile tools pull --ignore-buildable", prints("Pulled")),
                run("docker compose --profile tools build", ok()),
                run("docker compose --profile tools pull --ignore-buildable && docker compose --profile tools build",
                        prints("Pulled")),
                run("bin/lab variant --id ВАШ_ID --code КОД_ВАРИАНТА", prints("V01-NVRP")),
                run("docker compose up", servesOrders(8000)),
                run("docker compose ps -a", prints("setup", "Exited (0)", "nginx", "healthy")),
                run(orders, prints("200 OK", "X-Served-By", "\"orders\"")),
                run("docker compose logs setup", ok()),
                run("docker compose logs web db", prints("web-1", "db-1")),
                run("docker compose logs web nginx db", prints("nginx-1")),
                run("docker compose logs web", prints("web-1")),
                run("LAB_HTTP_PORT=8080 docker compose up", servesOrders(8080)),
                run("docker compose up -d", servesOrders(8000)),
                // tasks/02–03: load
                run("sudo apt install wrk", okAnd((o, box) -> assertThat(box.shell(Place.CLONE, "command -v wrk"))
                        .contains("wrk"))),
                run("wrk -c1 -t1 -d10s http://localhost:8000/orders", wrkOutput()),
                run("docker compose run --rm wrk -c1 -t1 -d10s http://nginx/orders", wrkOutput()),
                run("wrk -c30 -t2 -d20s http://localhost:8000/orders", wrkOutput()),
                run("docker compose run --rm wrk -c30 -t2 -d20s http://nginx/orders", wrkOutput()),
                run("wrk -c30 -t2 -d60s http://localhost:8000/orders", wrkOutput()),
                run("docker compose run --rm wrk -c30 -t2 -d60s http://nginx/orders", wrkOutput()),
                run("wrk -c1 -t1 -d30s http://localhost:8000/orders", wrkOutput()),
                run("bin/lab load -c30 -t2 -d20s http://localhost:8000/orders", wrkOutput()),
                run("curl -s http://localhost:8000/metrics", prints("http_requests_total{")),
                run("LAB_GRAFANA_PORT=3001 docker compose up", okAnd((o, box) -> box.waitForHttp(
                        "http://localhost:3001/api/health", Duration.ofSeconds(90)))),
                // tasks/04–05: scaling
                run("docker compose up -d --scale web=3", replicas(3)),
                run("docker compose ps", prints("web-3")),
                run(WINDOWS_TWINS.values().iterator().next(), okAnd((o, box) -> box.assertRoundRobin(o, 3))),
                run("docker stats", prints("web-3", "db-1")),
                run("wrk -c30 -t2 -d20s \"http://localhost:8000/orders?limit=100\"", wrkOutput()),
                run("docker compose run --rm wrk -c30 -t2 -d20s \"http://nginx/orders?limit=100\"", wrkOutput()),
                run("docker compose up --scale web=3", replicas(3)),
                run("git checkout docker-compose.yml", ok()),
                run("docker compose up -d --scale web=1", replicas(1)),
                command("bin/lab demo --url http://localhost:8000/orders", Place.CLONE, Duration.ofMinutes(5),
                        okAnd((o, box) -> box.assertDemoCharts("target/demo"))),
                run("docker compose up -d --scale web=1", replicas(1)),
                // tasks/06: hand in
                run("docker compose down", okAnd((o, box) -> box.assertNoContainers())),
                run("docker images", prints("django-scaling-lab/web")),
                grading("./mvnw verify", okAnd((o, box) -> box.assertGraded(o))),
                grading("./mvnw verify -Pstrict", (o, box) -> {
                    assertThat(o.exitCode()).as("-Pstrict должен упасть на незаполненном отчёте").isNotZero();
                    box.assertGraded(o);
                }),
                byHand("студент сохраняет скриншоты screenshots/orders.png и screenshots/grafana.png",
                        DocSandbox::saveScreenshots),
                run("git add report/REPORT.md screenshots/orders.png screenshots/grafana.png .env", ok()),
                run("git add report screenshots .env", ok()),
                run("git commit -m \"Отчёт по лабораторной: нагрузка и масштабирование\"", ok()),
                run("git push", okAnd((o, box) -> assertThat(box.remoteHeadSubject())
                        .isEqualTo("Отчёт по лабораторной: нагрузка и масштабирование"))),
                run("git status", prints("nothing to commit")),
                run("git checkout docker-compose.yml nginx prometheus grafana app", ok()),
                // teacher: offline kit
                run("bash ci/docker/testbed.sh save lab-images.tar", okAnd((o, box) -> box.assertImageArchive())),
                run("docker load -i lab-images.tar", okAnd((o, box) -> {
                    box.deleteImageArchive();
                    assertThat(o.output()).contains("Loaded image");
                })),
                run("docker save -o lab-images.tar postgres:17.9-alpine nginx:1.30-alpine prom/prometheus:v3.5.5 "
                        + "grafana/grafana:12.2.4 django-scaling-lab/web:1.0 django-scaling-lab/wrk:4.1.0 python:3.11-slim-bookworm debian:bookworm-slim",
                        okAnd((o, box) -> {
                            box.assertImageArchive();
                            box.deleteImageArchive();
                        })),
                run("sudo bash ci/docker/testbed.sh up", ok()),
                // teacher: demo, manual overrides, one repository, the group
                command("bin/lab demo", Place.CLONE, Duration.ofMinutes(5),
                        okAnd((o, box) -> box.assertDemoCharts("target/demo"))),
                command("bin/lab demo --levels 1,5,10,30,60 --step 6s --out target/demo", Place.CLONE,
                        Duration.ofMinutes(5), okAnd((o, box) -> box.assertDemoCharts("target/demo"))),
                byHand("преподаватель пишет overrides.yaml по образцу из руководства (для одного репозитория)",
                        box -> box.writeOverrides(0)),
                grading("./mvnw verify -Dlab.overrides=overrides.yaml",
                        okAnd((o, box) -> box.assertReportMentions("target/lab-report", "сформулирован своими словами"))),
                grading("bin/lab grade --repo ПАПКА --overrides overrides.yaml",
                        okAnd((o, box) -> box.assertReportMentions("target/lab-report", "скриншот принят на защите"))),
                grading("bin/lab grade --format classroom50", okAnd((o, box) -> box.assertClassroomResult())),
                byHand("преподаватель собирает работы группы в ~/group-21 и пишет overrides.yaml для группы",
                        box -> {
                            box.collectSubmissions();
                            box.writeOverrides(1);
                        }),
                command("bin/lab batch --submissions ~/group-21 --out ~/group-21-results --rubric rubric.yaml "
                                + "--overrides overrides.yaml --budget 5m", Place.CLONE, Duration.ofMinutes(10),
                        okAnd((o, box) -> box.assertBatch("group-21-results", "проверено на защите"))),
                command("bin/lab batch --submissions ПАПКА_С_РЕПОЗИТОРИЯМИ --out РЕЗУЛЬТАТЫ --budget 5m", Place.CLONE,
                        Duration.ofMinutes(10), okAnd((o, box) -> box.assertBatch("group-21-readme-results", null))));
    }
}
