package ru.mpgu.lab.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.integrity.FileGroup;
import ru.mpgu.lab.integrity.IntegrityCheck;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.integrity.IntegrityReport;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.Concept;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.stack.CommandRunner;

/** The exported student template carries nothing of the answer key, and is a git repository one can clone. */
class TemplateExportTest {

    @TempDir
    static Path work;
    static Path exported;
    static List<String> files;
    /** Every text file of the export, lower-cased words joined by single spaces. */
    static final Map<String, String> TEXTS = new LinkedHashMap<>();
    static final Rubric TEACHER = RubricLoader.load(Path.of("rubric.yaml"));

    @BeforeAll
    static void export() throws IOException {
        exported = work.resolve("student");
        files = new TemplateExporter(Path.of("."), m -> { }).export(exported);
        for (String f : files) {
            byte[] bytes = Files.readAllBytes(exported.resolve(f));
            if (!f.endsWith(".png") && !f.endsWith(".jar") && bytes.length < 2_000_000) {
                TEXTS.put(f, normalize(new String(bytes, StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void exportsTheStackSheetsReportRubricAndSelfCheckOnly() {
        assertThat(files).contains("docker-compose.yml", "app/Dockerfile", "nginx/default.conf", "prometheus/prometheus.yml",
                "grafana/dashboards/django-lab.json", "tasks/01-zapusk.md", "tasks/05-analiz.md", "report/REPORT.md",
                "rubric.yaml", "README.md", "pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "src/main/java/ru/mpgu/lab/tasks/Task5ExplanationTest.java", "src/test/java/ru/mpgu/lab/LabGradingIT.java");
        assertThat(files).noneMatch(f -> f.contains("teacher") || f.contains("fixtures") || f.startsWith("src/test/resources")
                || f.startsWith("bench/") || f.startsWith("ci/"));
        assertThat(files.stream().filter(f -> f.startsWith("src/test/"))).containsExactly("src/test/java/ru/mpgu/lab/LabGradingIT.java");
        assertThat(TEXTS.get("tasks/README.md")).contains("01 zapusk.md").doesNotContain("teacher guide");
    }

    @Test
    void publicRubricHasTheSamePointsButNoKey() throws IOException {
        String text = Files.readString(exported.resolve("rubric.yaml"));
        assertThat(text).doesNotContain("concepts:", "terms:", "review_band");
        Rubric pub = RubricLoader.load(exported.resolve("rubric.yaml"));
        assertThat(pub.total()).isEqualTo(TEACHER.total());
        assertThat(pub.allChecks().map(c -> c.id() + "=" + c.points() + (c.gate() ? "gate" : "")).toList())
                .isEqualTo(TEACHER.allChecks().map(c -> c.id() + "=" + c.points() + (c.gate() ? "gate" : "")).toList());
        assertThat(pub.allChecks().filter(c -> c.answer() != null)).hasSize(6).allSatisfy(c -> assertThat(c.answer().formOnly()).isTrue());
    }

    @Test
    void noConceptOfTheKeyAppearsAnywhere() {
        List<String> found = new ArrayList<>();
        TEACHER.allChecks().filter(c -> c.answer() != null).flatMap(c -> c.answer().concepts().stream()).forEach(concept -> {
            String title = normalize(concept.title());
            if (title.split(" ").length < 4) {
                return; // a bare noun («база данных (PostgreSQL)») is vocabulary the sheets must use, not an answer
            }
            TEXTS.forEach((file, text) -> {
                if (text.contains(title)) {
                    found.add(file + ": понятие «" + concept.title() + "»");
                }
            });
        });
        assertThat(found).isEmpty();
    }

    @Test
    void noHintNamesATermOfItsOwnAnswer() {
        List<String> found = new ArrayList<>();
        for (Check check : TEACHER.allChecks().filter(c -> c.answer() != null).toList()) {
            String hint = " " + normalize(check.hint()) + " ";
            for (Concept concept : check.answer().concepts()) {
                for (String term : concept.terms()) {
                    String t = normalize(term.replace("*", ""));
                    if (t.isBlank()) {
                        continue; // a symbol-only term (e.g. «×») has no letters to leak
                    }
                    boolean prefix = term.endsWith("*");
                    Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + (prefix ? "" : "(?![\\p{L}\\p{N}])"));
                    if (p.matcher(hint).find()) {
                        found.add(check.id() + ": «" + term + "»");
                    }
                }
            }
        }
        assertThat(found).as("hints say what to do, not what to answer").isEmpty();
    }

    @Test
    void noExpectedAnswerNorModelReportIsExported() throws IOException {
        List<String> answers = new ArrayList<>();
        // model answers of the teacher guide («Образец: «…»»), the lab text's expected answer, the old hints
        Matcher m = Pattern.compile("(?:Образец|Ожидаемый ответ[^«]*):\\s*«([^»]+)»").matcher(Files.readString(Path.of("tasks/teacher-guide.md")));
        while (m.find()) {
            answers.add(m.group(1));
        }
        answers.addAll(List.of(Files.readString(Path.of("teacher/published-hints.txt")).split("\\n\\s*\\n")));
        String model = Files.readString(Path.of("src/test/resources/fixtures/model/report/REPORT.md"));
        String template = Files.readString(Path.of("report/REPORT.md"));
        for (String paragraph : model.split("\\n\\s*\\n")) {
            if (!template.contains(paragraph.strip()) && !paragraph.startsWith("#") && !paragraph.startsWith(">") && !paragraph.startsWith("<!--") && paragraph.length() > 120
                    && !paragraph.contains("```")) {
                answers.add(paragraph); // the model's answers
            }
        }
        assertThat(answers).hasSizeGreaterThan(10);
        List<String> found = new ArrayList<>();
        for (String answer : answers) {
            Set<String> shingles = shingles(normalize(answer.replaceAll("(?m)^#.*$", "")), 6);
            TEXTS.forEach((file, text) -> shingles.stream().filter(text::contains).findFirst()
                    .ifPresent(s -> found.add(file + ": «" + s + "»")));
        }
        assertThat(found).isEmpty();
        assertThat(TEXTS.values()).noneMatch(t -> t.contains("иванова мария сергеевна") || t.contains("1928 requests in 20.03s"));
    }

    @Test
    void aFreshExportMatchesItsOwnManifestAndTheBatchKnowsIt() throws Exception {
        IntegrityManifest shipped = IntegrityManifest.read(exported.resolve(IntegrityManifest.FILE_NAME));
        assertThat(shipped.files()).containsKeys("rubric.yaml", "pom.xml", "src/test/java/ru/mpgu/lab/LabGradingIT.java",
                "docker-compose.yml").noneSatisfy((f, h) -> assertThat(f).startsWith("src/main/java/ru/mpgu/lab/demo/"));
        assertThat(shipped.files().get("rubric.yaml")).isEqualTo(IntegrityManifest.sha256(exported.resolve("rubric.yaml")))
                .isNotEqualTo(IntegrityManifest.sha256(Path.of("rubric.yaml")));
        IntegrityReport fresh = IntegrityCheck.compare(exported, shipped);
        assertThat(fresh.describe()).as("an untouched template is not «changed»").isEmpty();
        // the teacher's batch computes the same hashes from the kit
        assertThat(TemplateExporter.templateManifest(Path.of("."))).isEqualTo(shipped);
        assertThat(TemplateExporter.isKit(Path.of("."))).isTrue();
        assertThat(TemplateExporter.isKit(exported)).isFalse();

        Path edited = work.resolve("edited");
        ru.mpgu.lab.files.FileTrees.copy(exported, edited, Set.of(".git"));
        Path test = edited.resolve("src/main/java/ru/mpgu/lab/tasks/Task2LoadTest.java");
        Files.writeString(test, Files.readString(test).replace("expect(lab,", "expect(lab, /* always pass */"));
        IntegrityReport report = IntegrityCheck.compare(edited, shipped);
        assertThat(report.of(FileGroup.GRADER).changed()).containsExactly("src/main/java/ru/mpgu/lab/tasks/Task2LoadTest.java");
        assertThat(report.of(FileGroup.RUBRIC).isEmpty()).isTrue();
        assertThat(report.graderTampered()).isTrue();
    }

    @Test
    void noTeacherOnlyCodeIsExported() {
        for (String teacherOnly : TemplateExporter.TEACHER_ONLY) {
            assertThat(files).noneMatch(f -> f.equals(teacherOnly) || f.startsWith(teacherOnly + "/"));
        }
        assertThat(files).noneMatch(f -> f.startsWith("src/main/java/ru/mpgu/lab/demo/") || f.endsWith("/Conclusion.java")
                || f.endsWith("answer-groups.yaml") || f.endsWith("answer-exemplars.json") || f.contains("published-hints"));
        // every teacher command LabCli loads by name is left out, and the kit still has it
        for (String command : ru.mpgu.lab.cli.LabCli.TEACHER_COMMANDS) {
            String file = "src/main/java/" + command.replace('.', '/') + ".java";
            assertThat(files).doesNotContain(file);
            assertThat(Path.of(file)).exists();
        }
        assertThat(ru.mpgu.lab.cli.LabCli.newCommandLine().getSubcommands()).containsKeys("batch", "template", "demo");
    }

    /** The student's grader compiles without the teacher-only code (javac on the exported src/main/java alone). */
    @Test
    void theExportedGraderCompilesOnItsOwn() throws IOException {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        // dependencies only: the kit's own classes would hide a missing teacher class
        String classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-encoding", "UTF-8", "-cp", classpath,
                "-d", Files.createDirectories(work.resolve("compiled")).toString()));
        files.stream().filter(f -> f.startsWith("src/main/java/") && f.endsWith(".java"))
                .forEach(f -> args.add(exported.resolve(f).toString()));
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(work.resolve("compiled/ru/mpgu/lab/cli/LabCli.class")).exists();
        assertThat(work.resolve("compiled/ru/mpgu/lab/cli/BatchCommand.class")).doesNotExist();
    }

    /**
     * No line of the exported code states a full answer: every Russian comment or string line is graded with the
     * teacher's key, as a student's answer would be. The kit's demo conclusion is the control: it must be found.
     */
    @Test
    void noExportedSourceStatesAnAnswerOfTheKey() throws IOException {
        ru.mpgu.lab.answers.AnswerGrader grader = new ru.mpgu.lab.answers.AnswerGrader(TEACHER);
        List<Integer> questions = TEACHER.allChecks().filter(c -> c.answer() != null).map(c -> c.answer().number()).toList();
        assertThat(answersStated(grader, questions, Path.of("src/main/java/ru/mpgu/lab/demo/Conclusion.java")))
                .as("the control: the demo's conclusion states answer 5").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (String f : files) {
            if (f.startsWith("src/") && f.endsWith(".java")) {
                answersStated(grader, questions, exported.resolve(f)).forEach(a -> found.add(f + ": " + a));
            }
        }
        assertThat(found).isEmpty();
    }

    /** Russian lines of a source file (windows of {@value #WINDOW}) that, pasted as an answer, the key passes in full. */
    static List<String> answersStated(ru.mpgu.lab.answers.AnswerGrader grader, List<Integer> questions, Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8).stream()
                .filter(l -> l.chars().anyMatch(ch -> Character.UnicodeBlock.of(ch) == Character.UnicodeBlock.CYRILLIC))
                .map(l -> l.replaceAll("[\"+;(){}*/]", " ").strip()).toList();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String window = String.join(" ", lines.subList(i, Math.min(lines.size(), i + WINDOW)));
            for (int q : questions) {
                if (grader.grade(q, window).status() == ru.mpgu.lab.rubric.CheckStatus.PASSED) {
                    found.add("ответ " + q + ": «" + window + "»");
                }
            }
        }
        return found;
    }

    static final int WINDOW = 1;

    @Test
    void theExportIsACommittedRepositoryThatClones() {
        CommandRunner.Result log = CommandRunner.run(exported, Map.of(), java.time.Duration.ofSeconds(30),
                List.of("git", "log", "--oneline"));
        assertThat(log.exitCode()).isZero();
        assertThat(log.output().lines()).hasSize(1);
        Path clone = work.resolve("clone");
        CommandRunner.Result cloned = CommandRunner.run(work, Map.of(), java.time.Duration.ofSeconds(60),
                List.of("git", "clone", "-q", exported.toString(), clone.toString()));
        assertThat(cloned.exitCode()).as(cloned.output()).isZero();
        assertThat(TemplateExporter.files(clone)).isEqualTo(files);
        CommandRunner.Result status = CommandRunner.run(clone, Map.of(), java.time.Duration.ofSeconds(30),
                List.of("git", "status", "--porcelain"));
        assertThat(status.output()).as("a fresh clone shows no changes").isBlank();
    }

    @Test
    void refusesANonEmptyFolderOrOneInsideTheKit() throws IOException {
        Path busy = Files.createDirectories(work.resolve("busy"));
        Files.writeString(busy.resolve("x.txt"), "x");
        assertThatThrownBy(() -> new TemplateExporter(Path.of("."), m -> { }).export(busy))
                .hasMessageContaining("не пуста");
        assertThatThrownBy(() -> new TemplateExporter(Path.of("."), m -> { }).export(Path.of("target/inside")))
                .hasMessageContaining("внутри комплекта");
    }

    static String normalize(String s) {
        return String.join(" ", s.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}/.%]+")).trim();
    }

    private static Set<String> shingles(String text, int n) {
        String[] w = text.split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= w.length; i++) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + n)));
        }
        return out;
    }
}
