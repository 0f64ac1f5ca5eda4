package ru.mpgu.lab.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Builds a submission folder: a copy of the template's lab files with a fixture laid over it. */
final class Fixtures {

    static final Path TEMPLATE = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    private static final List<String> LAB_FILES = List.of("docker-compose.yml", "rubric.yaml", "app", "nginx",
            "prometheus", "grafana", "wrk", "report");

    private Fixtures() {
    }

    /** {@code name} null = the untouched template. */
    static Path submission(String name, Path workDir) {
        try {
            Path repo = Files.createDirectories(workDir.resolve(name == null ? "template" : name));
            for (String file : LAB_FILES) {
                copy(TEMPLATE.resolve(file), repo.resolve(file));
            }
            if (name != null) {
                copy(TEMPLATE.resolve("src/test/resources/fixtures").resolve(name), repo);
            }
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        ru.mpgu.lab.files.FileTrees.copy(from, to, java.util.Set.of("__pycache__", "target"));
    }
}
