package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One source for every figure: what README and tasks/ say about CPU and memory limits and gunicorn
 * workers must be what docker-compose.yml sets, and the benchmark figures they quote must be what
 * bench/results/ holds. A sheet that says «половина ядра» for web while compose gives it 0.40 fails here.
 */
class DocFiguresAgreeWithComposeTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("web", "db", "nginx", "prometheus", "grafana");
    private static final Pattern SERVICE = Pattern.compile("(?iu)(?<![\\w/-])`?(web|db|nginx|prometheus|grafana)`?(?![\\w-])");
    private static final Pattern HALF_CORE = Pattern.compile("(?iu)половин\\S*\\s+ядр");
    private static final Pattern CORES_AFTER_NAME = Pattern.compile("(?iu)(?<![\\w/-])`?(web|db|nginx|prometheus|grafana)`?\\s+(?:—\\s+)?(\\d+,\\d+)(?!\\s*(?:ГБ|МБ|МиБ|%))");
    private static final Pattern CORES = Pattern.compile("(?u)(\\d+,\\d+)\\s+ядр");
    private static final Pattern LIMIT_PERCENT = Pattern.compile(
            "(?iu)(?:предел\\S*|лимит\\S*)\\s+(?:каждой копии\\s+|каждой реплики\\s+)?`?(web|db)`?\\s*(?:—\\s*)?(\\d+)\\s*%");
    private static final Pattern PERCENT_FOR = Pattern.compile("(?iu)около\\s+`?(\\d+)\\s*%`?\\s+(?:для|у)\\s+([^.;:),]*)");
    private static final Pattern MEMORY = Pattern.compile("(?u)(\\d+)\\s*(?:МБ|МиБ)\\s+памяти");
    private static final Pattern WORKERS = Pattern.compile("(?iu)(?:по\\s+)?(\\d+|два|двумя|двух|три|четыре)\\s+воркер");
    private static final Pattern LIMIT_SUM = Pattern.compile("(?u)(\\d+,\\d+)\\s*ГБ\\s+памяти\\s*\\(сумма пределов\\)");
    private static final Pattern STACK_MEMORY = Pattern.compile("(?iu)памят\\S+ (?:всего )?стенда при трёх (?:копиях|репликах) web\\D{0,8}(\\d+)–(\\d+) МиБ");

    private static final Pattern LESSON_COUNT = Pattern.compile("(?u)урок виден в (\\d+) из (\\d+) повтор");
    private static final Pattern LESSON_RATIO = Pattern.compile("(?u)web3/web1\\D{0,30}×(\\d+,\\d+)");
    private static final Pattern BASELINE_RATIOS = Pattern.compile("(?u)`-c30` против `-c1`\\D{0,30}×(\\d+,\\d+), задержка ×(\\d+)");

    record Doc(String file, int line, String clause) {
        String where() {
            return file + ":" + line + " «" + clause.strip() + "»";
        }
    }

    record Limits(Map<String, Double> cpus, Map<String, Long> memoryMib, int webWorkers) {
        static Limits of(Path compose) throws IOException {
            JsonNode services = YAML.readTree(compose.toFile()).path("services");
            Map<String, Double> cpus = new TreeMap<>();
            Map<String, Long> memory = new TreeMap<>();
            services.fields().forEachRemaining(e -> {
                JsonNode limits = e.getValue().path("deploy").path("resources").path("limits");
                if (limits.has("cpus")) {
                    cpus.put(e.getKey(), Double.parseDouble(limits.path("cpus").asText()));
                }
                if (limits.has("memory")) {
                    memory.put(e.getKey(), mebibytes(limits.path("memory").asText()));
                }
            });
            int workers = Integer.parseInt(services.path("web").path("environment").path("WEB_WORKERS").asText("2"));
            return new Limits(cpus, memory, workers);
        }

        static long mebibytes(String value) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            long n = Long.parseLong(v.replaceAll("[^0-9]", ""));
            return v.endsWith("G") ? n * 1024 : v.endsWith("K") ? n / 1024 : n;
        }
    }

    static List<Doc> clauses(Path repo) throws IOException {
        List<Path> files = new ArrayList<>(List.of(repo.resolve("README.md")));
        try (Stream<Path> tasks = Files.list(repo.resolve("tasks"))) {
            tasks.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Doc> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            // A sentence may wrap over lines: join each paragraph, remember where it starts.
            StringBuilder para = new StringBuilder();
            int start = 0;
            for (int i = 0; i <= lines.size(); i++) {
                String line = i < lines.size() ? lines.get(i) : "";
                boolean breaks = line.isBlank() || line.startsWith("|") || line.startsWith("*") || line.startsWith("#")
                        || line.matches("^\\d+\\. .*") || line.startsWith("```");
                if (breaks && para.length() > 0) {
                    split(repo.relativize(f).toString(), start + 1, para.toString(), out);
                    para.setLength(0);
                }
                if (line.startsWith("|")) {
                    split(repo.relativize(f).toString(), i + 1, line, out);
                } else if (!line.isBlank() && !line.startsWith("```")) {
                    if (para.length() == 0) {
                        start = i;
                    }
                    para.append(line).append(' ');
                }
            }
        }
        return out;
    }

    private static void split(String file, int line, String text, List<Doc> out) {
        // Table rows stay whole (a figure and what it is stand in different cells); parts split on «|» below.
        for (String sentence : text.split("(?<=[.!?])\\s+(?=[А-ЯЁA-Z«`*])")) {
            out.add(new Doc(file, line, sentence));
        }
    }

    static List<String> servicesIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = SERVICE.matcher(text);
        while (m.find()) {
            String s = m.group(1).toLowerCase(Locale.ROOT);
            if (!found.contains(s)) {
                found.add(s);
            }
        }
        return found;
    }

    /** Every statement about a limit or the workers that disagrees with compose, as «where: what». */
    static List<String> disagreements(Limits limits, List<Doc> docs) {
        List<String> wrong = new ArrayList<>();
        for (Doc doc : docs) {
            String s = doc.clause();
            // a comma between digits is a decimal comma («0,25 ядра»), not a clause break
            for (String part : s.split("[;|]|,(?!\\d)|(?<!\\d),")) {
                List<String> named = servicesIn(part);
                if (HALF_CORE.matcher(part).find()) {
                    for (String svc : named) {
                        expect(wrong, doc, svc + ": CPU", limits.cpus().get(svc), 0.5);
                    }
                }
                Matcher byName = CORES_AFTER_NAME.matcher(part);
                while (byName.find()) {
                    expect(wrong, doc, byName.group(1).toLowerCase(Locale.ROOT) + ": CPU",
                            limits.cpus().get(byName.group(1).toLowerCase(Locale.ROOT)), number(byName.group(2)));
                }
                Matcher cores = CORES.matcher(part);
                if (named.size() == 1 && cores.find()) {
                    expect(wrong, doc, named.get(0) + ": CPU", limits.cpus().get(named.get(0)), number(cores.group(1)));
                }
                Matcher mem = MEMORY.matcher(part);
                if (named.size() == 1 && mem.find() && limits.memoryMib().containsKey(named.get(0))) {
                    expect(wrong, doc, named.get(0) + ": память, МиБ", (double) limits.memoryMib().get(named.get(0)),
                            Double.parseDouble(mem.group(1)));
                }
            }
            Matcher pct = LIMIT_PERCENT.matcher(s);
            while (pct.find()) {
                String svc = pct.group(1).toLowerCase(Locale.ROOT);
                expect(wrong, doc, svc + ": предел CPU, %", limits.cpus().get(svc) * 100, Double.parseDouble(pct.group(2)));
            }
            Matcher around = PERCENT_FOR.matcher(s);
            while (around.find()) {
                for (String svc : servicesIn(around.group(2))) {
                    expect(wrong, doc, svc + ": предел CPU, %", limits.cpus().get(svc) * 100, Double.parseDouble(around.group(1)));
                }
            }
            Matcher workers = WORKERS.matcher(s);
            while (workers.find()) {
                expect(wrong, doc, "воркеров в реплике web", (double) limits.webWorkers(), count(workers.group(1)));
            }
            Matcher sum = LIMIT_SUM.matcher(s);
            if (sum.find()) {
                double mib = 3 * limits.memoryMib().get("web");
                for (String svc : SERVICES) {
                    if (!svc.equals("web")) {
                        mib += limits.memoryMib().getOrDefault(svc, 0L);
                    }
                }
                double gb = Math.round(mib * 1024 * 1024 / 1e9 * 10) / 10.0;
                expect(wrong, doc, "сумма пределов памяти, ГБ", gb, number(sum.group(1)));
            }
        }
        return wrong;
    }

    private static void expect(List<String> wrong, Doc doc, String what, Double actual, double written) {
        String message = doc.where() + ": написано " + fmt(written) + ", в docker-compose.yml " + (actual == null ? "нет" : fmt(actual))
                + " (" + what + ")";
        if ((actual == null || Math.abs(actual - written) > 1e-9) && !wrong.contains(message)) { // one figure, one line
            wrong.add(message);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }

    private static double count(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "два", "двумя", "двух" -> 2;
            case "три" -> 3;
            case "четыре" -> 4;
            default -> Double.parseDouble(s);
        };
    }

    @Test
    void limitsAndWorkersInTheDocsAreThoseOfCompose() throws IOException {
        Path repo = Path.of("");
        List<String> wrong = disagreements(Limits.of(repo.resolve("docker-compose.yml")), clauses(repo.toAbsolutePath()));
        assertThat(wrong).as("figures in README.md and tasks/ that disagree with docker-compose.yml").isEmpty();
    }

    @Test
    void theCheckCatchesAHalfCoreForWebAndAWrongPercent() {
        Limits limits = new Limits(Map.of("web", 0.4, "db", 0.5), Map.of("web", 160L, "db", 256L), 2);
        List<Doc> docs = List.of(
                new Doc("x.md", 1, "В `docker-compose.yml` каждому контейнеру задан предел: `web` — половина ядра процессора и 160 МБ памяти, `db` — половина ядра и 256 МБ памяти."),
                new Doc("x.md", 2, "Какой контейнер работает на пределе (около `50%` для `web` и `db`)?"),
                new Doc("x.md", 3, "предел `db` — 50 %, каждой копии `web` — 40 %; лимиты CPU: db 0,5; каждая реплика web 0,4"),
                new Doc("x.md", 4, "В каждой реплике `web` работают 3 воркера."),
                // a decimal comma is not a clause break: «0,30» was once split into «0» and «30 ядра» and never checked
                new Doc("x.md", 5, "Обратите внимание на пределы: у каждой реплики `web` 0,30 ядра, у `db` 0,5 ядра."));
        assertThat(disagreements(limits, docs)).hasSize(4)
                .anySatisfy(s -> assertThat(s).startsWith("x.md:5").contains("web: CPU").contains("0.30"))
                .anySatisfy(s -> assertThat(s).startsWith("x.md:1").contains("web: CPU").contains("0.40"))
                .anySatisfy(s -> assertThat(s).startsWith("x.md:2").contains("web: предел CPU, %"))
                .anySatisfy(s -> assertThat(s).startsWith("x.md:4").contains("воркеров"));
    }

    @Test
    void theStackMemoryQuotedIsTheRangeOfTheBenchmarkRuns() throws IOException {
        List<Double> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("bench/results"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("stack-\\d{4}-.*\\.json")).sorted().toList()) {
                JsonNode run = JSON.readTree(f.toFile());
                if (run.has("stack_memory_mib_web3")) {
                    runs.add(run.path("stack_memory_mib_web3").asDouble());
                }
            }
        }
        assertThat(runs).isNotEmpty();
        long lo = Math.round(runs.stream().mapToDouble(d -> d).min().orElseThrow());
        long hi = Math.round(runs.stream().mapToDouble(d -> d).max().orElseThrow());
        int quoted = 0;
        for (Doc doc : clauses(Path.of("").toAbsolutePath())) {
            Matcher m = STACK_MEMORY.matcher(doc.clause());
            if (m.find()) {
                assertThat(m.group(1) + "–" + m.group(2)).as(doc.where() + " vs bench/results/stack-*.json").isEqualTo(lo + "–" + hi);
                quoted++;
            }
        }
        assertThat(quoted).as("README and the teacher guide quote the stack's memory").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theBaselineRatiosQuotedAreThoseOfTheLatestRun() throws IOException {
        JsonNode run = JSON.readTree(Path.of("bench/results/baseline-c1-latest.json").toFile());
        String rps = String.format(Locale.ROOT, "%.2f", run.path("rps_c30_over_c1").asDouble()).replace('.', ',').replaceAll(",?0+$", "");
        String latency = String.valueOf(Math.round(run.path("latency_c30_over_c1").asDouble()));
        int quoted = 0;
        for (Doc doc : clauses(Path.of("").toAbsolutePath())) {
            Matcher m = BASELINE_RATIOS.matcher(doc.clause());
            while (m.find()) {
                assertThat(m.group(1).replaceAll(",?0+$", "") + " / " + m.group(2)).as(doc.where() + " vs bench/results/baseline-c1-latest.json")
                        .isEqualTo(rps + " / " + latency);
                quoted++;
            }
        }
        assertThat(quoted).as("the teacher guide quotes -c30 against -c1").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theLessonRepeatsQuotedAreThoseOfTheLatestRun() throws IOException {
        Path latest = Path.of("bench/results/lesson-repeats-latest.json");
        // Until bench/lesson-repeats.sh has run, no document may quote its figures.
        if (!Files.exists(latest)) {
            for (Doc doc : clauses(Path.of("").toAbsolutePath())) {
                assertThat(LESSON_COUNT.matcher(doc.clause()).find()).as(doc.where() + " quotes a run that is not in bench/results").isFalse();
            }
            return;
        }
        JsonNode run = JSON.readTree(latest.toFile());
        String ratio = String.format(Locale.ROOT, "%.2f", run.path("ratio_median").asDouble()).replace('.', ',')
                .replaceAll(",?0+$", "");
        int quoted = 0;
        for (Doc doc : clauses(Path.of("").toAbsolutePath())) {
            Matcher count = LESSON_COUNT.matcher(doc.clause());
            while (count.find()) {
                assertThat(count.group(1) + " из " + count.group(2)).as(doc.where() + " vs " + latest)
                        .isEqualTo(run.path("shows_lesson").asInt() + " из " + run.path("of").asInt());
                quoted++;
            }
            Matcher r = LESSON_RATIO.matcher(doc.clause());
            while (r.find()) {
                assertThat(r.group(1).replaceAll(",?0+$", "")).as(doc.where() + " vs " + latest).isEqualTo(ratio);
                quoted++;
            }
        }
        assertThat(quoted).as("the teacher guide quotes the lesson's robustness").isGreaterThanOrEqualTo(2);
    }
}
