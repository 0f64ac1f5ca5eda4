package ru.mpgu.lab.policy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole screening of a submission folder for {@code lab check}: the compose policy plus every symbolic link
 * in the repository that leads out of it (the grader would refuse to open such a report or screenshot).
 */
public final class SubmissionScreen {

    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", "__pycache__", ".venv");
    private static final int MAX_ENTRIES = 50_000;

    private SubmissionScreen() {
    }

    public static Verdict screen(Path repo, Map<String, String> env) {
        Verdict compose = ComposePolicy.screen(repo, env);
        List<Reason> reasons = new ArrayList<>(compose.reasons());
        reasons.addAll(linksOut(repo));
        return new Verdict(reasons, compose.model());
    }

    /** Symlinks whose target is outside the repository, as reasons naming the link. */
    static List<Reason> linksOut(Path repo) {
        Path base = repo.toAbsolutePath().normalize();
        Path root = RepoPaths.root(repo);
        List<Reason> reasons = new ArrayList<>();
        int[] seen = {0};
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(base) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++seen[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isSymbolicLink() && !RepoPaths.inside(root, root, file)) {
                        String rel = base.relativize(file).toString().replace('\\', '/');
                        reasons.add(Reason.file(rel, "символическая ссылка на файл вне репозитория; "
                                + "проверка такие файлы не открывает (отчёт и скриншоты должны лежать в репозитории сами)"));
                    } else if (!attrs.isSymbolicLink() && attrs.isOther()) {
                        String rel = base.relativize(file).toString().replace('\\', '/');
                        reasons.add(Reason.file(rel, "не обычный файл (устройство, канал или сокет)"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            reasons.add(Reason.refused(null, null, "папку работы не удалось обойти: " + e.getMessage()));
        }
        return reasons;
    }
}
