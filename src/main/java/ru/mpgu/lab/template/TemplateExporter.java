package ru.mpgu.lab.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.stack.CommandRunner;

/**
 * Exports the student template from the teacher's kit: the stack, the task sheets, the report template, the
 * public rubric and the self-check, as a fresh git repository. Nothing of the answer key goes out: no
 * fixtures, no teacher guide, no teacher/ folder, no model report, no concepts in the rubric.
 */
public final class TemplateExporter {

    /** Copied as they are (files or whole folders), relative to the kit's root. */
    static final List<String> COPIED = List.of(
            "docker-compose.yml", "app", "nginx", "prometheus", "grafana", "wrk",
            "report/REPORT.md", "pom.xml", "mvnw", "mvnw.cmd", ".mvn", ".gitattributes", ".gitignore",
            ".github", "src/main", "src/test/java/ru/mpgu/lab/LabGradingIT.java");
    /** Task sheets go out except the teacher's own. */
    static final Set<String> TEACHER_SHEETS = Set.of("teacher-guide.md");
    /**
     * Teacher-only code under the copied src/main: the demo (its conclusion states answer 5), the batch and its copy
     * detector, this exporter; LabCli adds their commands only when present.
     */
    static final List<String> TEACHER_ONLY = List.of(
            "src/main/java/ru/mpgu/lab/demo", "src/main/java/ru/mpgu/lab/batch", "src/main/java/ru/mpgu/lab/copies",
            "src/main/java/ru/mpgu/lab/template", "src/main/java/ru/mpgu/lab/cli/BatchCommand.java",
            "src/main/java/ru/mpgu/lab/cli/DemoCommand.java", "src/main/java/ru/mpgu/lab/cli/TemplateCommand.java");
    /** Never exported, wherever they are: build output, caches, the key. */
    static final Set<String> SKIPPED_NAMES = Set.of("target", "__pycache__", ".pytest_cache", "teacher", "fixtures");

    private final Path kit;
    private final Consumer<String> progress;

    public TemplateExporter(Path kit, Consumer<String> progress) {
        this.kit = kit.toAbsolutePath().normalize();
        this.progress = progress;
    }

    /** Writes the template into {@code out} (must be absent or empty) and commits it; returns the exported files. */
    public List<String> export(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (!Files.isRegularFile(kit.resolve("rubric.yaml")) || !Files.isRegularFile(kit.resolve("docker-compose.yml"))) {
            throw new TemplateException("в " + kit + " нет rubric.yaml и docker-compose.yml: запускайте из комплекта преподавателя");
        }
        if (target.startsWith(kit)) {
            throw new TemplateException("папка " + target + " внутри комплекта преподавателя: укажите папку вне его");
        }
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new TemplateException("папка " + target + " не пуста: укажите новую или пустую папку");
                }
            }
        }
        writeFiles(target);
        progress.accept("файлы шаблона записаны в " + target);
        commit(target);
        return files(target);
    }

    /** The template's files without git: copies, drops the teacher-only code, writes the template's own manifest. */
    private void writeFiles(Path target) throws IOException {
        Files.createDirectories(target);
        for (String entry : COPIED) {
            Path from = kit.resolve(entry);
            if (!Files.exists(from)) {
                throw new TemplateException("в комплекте нет " + entry);
            }
            copy(from, target.resolve(entry));
        }
        copyTaskSheets(target.resolve("tasks"));
        PublicRubric.write(kit.resolve("rubric.yaml"), target.resolve("rubric.yaml"));
        Files.writeString(target.resolve("README.md"), StudentReadme.text(), StandardCharsets.UTF_8);
        Files.createDirectories(target.resolve("screenshots"));
        Files.writeString(target.resolve("screenshots/.gitkeep"), "");
        for (String entry : TEACHER_ONLY) {
            deleteTree(target.resolve(entry));
        }
        // hashes of exactly what goes out: the student's build bundles it, the teacher's batch compares with it
        Files.writeString(target.resolve(IntegrityManifest.FILE_NAME), IntegrityManifest.generate(target).toJson(),
                StandardCharsets.UTF_8);
    }

    /**
     * The manifest a template exported from {@code kit} carries: what an untouched submission hashes to. Computed by
     * exporting into a scratch folder, so it cannot drift from {@link #export}.
     */
    public static IntegrityManifest templateManifest(Path kit) throws IOException {
        Path scratch = Files.createTempDirectory("lab-template-");
        try {
            new TemplateExporter(kit, m -> { }).writeFiles(scratch.resolve("t"));
            return IntegrityManifest.read(scratch.resolve("t").resolve(IntegrityManifest.FILE_NAME));
        } finally {
            deleteTree(scratch);
        }
    }

    /** True when {@code dir} is a teacher's kit one can export a template from (a template has no teacher guide). */
    public static boolean isKit(Path dir) {
        return Files.isRegularFile(dir.resolve("rubric.yaml")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))
                && Files.isRegularFile(dir.resolve("tasks/teacher-guide.md"))
                && COPIED.stream().allMatch(e -> Files.exists(dir.resolve(e)));
    }

    /** The kit this grader was built in ({@code <kit>/target/classes}, as bin/lab runs it), if it is one. */
    public static java.util.Optional<Path> ownKit() {
        try {
            Path classes = Path.of(TemplateExporter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path kit = classes.getParent() == null ? null : classes.getParent().getParent();
            return kit != null && classes.endsWith(Path.of("target", "classes")) && isKit(kit)
                    ? java.util.Optional.of(kit) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void copyTaskSheets(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> sheets = Files.list(kit.resolve("tasks"))) {
            for (Path sheet : sheets.filter(Files::isRegularFile).sorted().toList()) {
                String name = sheet.getFileName().toString();
                if (TEACHER_SHEETS.contains(name)) {
                    continue;
                }
                if (name.equals("README.md")) {
                    // the sheet index links the teacher guide, which the students do not get
                    String index = Files.readAllLines(sheet, StandardCharsets.UTF_8).stream()
                            .filter(l -> TEACHER_SHEETS.stream().noneMatch(l::contains))
                            .collect(Collectors.joining("\n", "", "\n"));
                    Files.writeString(to.resolve(name), index, StandardCharsets.UTF_8);
                } else {
                    Files.copy(sheet, to.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        ru.mpgu.lab.files.FileTrees.copy(from, to, SKIPPED_NAMES);
    }

    /** git init + one commit, so that the template can be cloned or pushed as it is. */
    private void commit(Path repo) {
        Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "Lab template", "GIT_AUTHOR_EMAIL", "lab@localhost",
                "GIT_COMMITTER_NAME", "Lab template", "GIT_COMMITTER_EMAIL", "lab@localhost");
        for (List<String> command : List.of(
                List.of("git", "init", "-q", "-b", "main"),
                List.of("git", "add", "-A"),
                List.of("git", "commit", "-q", "-m", "Шаблон лабораторной «Нагрузка и масштабирование Django-приложения»"))) {
            CommandRunner.Result result;
            try {
                result = CommandRunner.run(repo, env, Duration.ofSeconds(60), command);
            } catch (RuntimeException e) {
                throw new TemplateException("не удалось запустить git (установлен ли он?): " + e.getMessage());
            }
            if (result.exitCode() != 0) {
                throw new TemplateException(String.join(" ", command) + " завершился с кодом " + result.exitCode() + ": "
                        + result.output().strip());
            }
        }
        progress.accept("создан репозиторий git с одним коммитом: его можно клонировать (git clone " + repo + ")");
    }

    /** Every file of the exported tree (without .git), relative, sorted. */
    public static List<String> files(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/"))
                    .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clear Russian reason the export stopped. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message);
        }
    }
}
