package ru.mpgu.lab.integrity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares a repository with the template's {@link IntegrityManifest}. */
public final class IntegrityCheck {

    private IntegrityCheck() {
    }

    /**
     * Against the manifest bundled in the running grader, or else the repository's own integrity-manifest.json.
     * Empty when neither exists (nothing to compare with).
     */
    public static Optional<IntegrityReport> compare(Path repo) throws IOException {
        Optional<IntegrityManifest> manifest = IntegrityManifest.bundled();
        if (manifest.isEmpty()) {
            Path own = repo.resolve(IntegrityManifest.FILE_NAME);
            if (!Files.isRegularFile(own)) {
                return Optional.empty();
            }
            manifest = Optional.of(IntegrityManifest.read(own));
        }
        return Optional.of(compare(repo, manifest.get()));
    }

    public static IntegrityReport compare(Path repo, IntegrityManifest expected) throws IOException {
        IntegrityManifest actual = IntegrityManifest.generate(repo);
        Map<FileGroup, List<String>> changed = new EnumMap<>(FileGroup.class);
        Map<FileGroup, List<String>> missing = new EnumMap<>(FileGroup.class);
        Map<FileGroup, List<String>> added = new EnumMap<>(FileGroup.class);
        expected.files().forEach((path, hash) -> {
            FileGroup g = FileGroup.of(path);
            if (g == null) {
                return;
            }
            String now = actual.files().get(path);
            if (now == null) {
                missing.computeIfAbsent(g, k -> new ArrayList<>()).add(path);
            } else if (!now.equals(hash)) {
                changed.computeIfAbsent(g, k -> new ArrayList<>()).add(path);
            }
        });
        actual.files().keySet().stream().filter(p -> !expected.files().containsKey(p))
                .forEach(p -> added.computeIfAbsent(FileGroup.of(p), k -> new ArrayList<>()).add(p));
        Map<FileGroup, IntegrityReport.Changes> groups = new EnumMap<>(FileGroup.class);
        for (FileGroup g : FileGroup.values()) {
            groups.put(g, new IntegrityReport.Changes(changed.getOrDefault(g, List.of()),
                    missing.getOrDefault(g, List.of()), added.getOrDefault(g, List.of())));
        }
        return new IntegrityReport(groups);
    }

    /**
     * The warning a student's own run prints, or empty when the grader and rubric are as shipped.
     * Stack files are not mentioned: changing them is part of the lab.
     */
    public static Optional<String> studentWarning(IntegrityReport report) {
        if (!report.graderTampered()) {
            return Optional.empty();
        }
        return Optional.of("файлы проверяющей программы отличаются от шаблона (" + String.join(" ", report.describe().stream()
                .filter(l -> !l.startsWith(FileGroup.STACK.russian())).toList())
                + ") Преподаватель проверяет работы своей копией тестов и критериев, поэтому баллы этого запуска"
                + " могут не совпасть с итоговыми. Верните файлы из шаблона: git checkout <коммит шаблона> -- src pom.xml rubric.yaml");
    }
}
