package ru.mpgu.lab.policy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one way the grader opens or copies a file of a submission: only if its real path, symlinks followed,
 * is inside the repository and it is an ordinary file. A report that is a link to the teacher's file is refused.
 */
public final class SubmissionFiles {

    /** {@code path} to open, or a Russian {@code refusal}; a missing file is allowed (the caller says «не найден»). */
    public record Access(Path path, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private SubmissionFiles() {
    }

    public static Access resolve(Path repo, String relative) {
        String shown = relative.replace('\\', '/');
        Path root = RepoPaths.root(repo);
        Path lexical = repo.toAbsolutePath().normalize().resolve(shown).normalize();
        if (!lexical.startsWith(repo.toAbsolutePath().normalize())) {
            return new Access(null, "путь «" + shown + "» ведёт за пределы репозитория; проверка открывает только файлы внутри него.");
        }
        if (!Files.exists(lexical, LinkOption.NOFOLLOW_LINKS)) {
            return new Access(lexical, null);
        }
        if (!RepoPaths.inside(root, root, lexical)) {
            return new Access(null, "файл «" + shown + "» — символическая ссылка (или лежит в папке-ссылке) на файл вне репозитория. "
                    + "Такие файлы проверка не открывает: положите в репозиторий сам файл, а не ссылку на него.");
        }
        if (Files.exists(lexical) && !Files.isRegularFile(lexical) && !Files.isDirectory(lexical)) {
            return new Access(null, "«" + shown + "» — не обычный файл (устройство, канал или сокет); проверка его не открывает.");
        }
        return new Access(lexical, null);
    }

    /** {@link #resolve} for a path the grader already built inside {@code repo}. */
    public static Access resolve(Path repo, Path file) {
        Path base = repo.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return new Access(null, "путь «" + file + "» ведёт за пределы репозитория; проверка открывает только файлы внутри него.");
        }
        return resolve(repo, base.relativize(abs).toString());
    }
}
