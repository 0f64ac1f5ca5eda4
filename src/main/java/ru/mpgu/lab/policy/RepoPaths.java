package ru.mpgu.lab.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Where a path really leads, symlinks followed, and whether that is inside the repository. */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository's own real path (a submissions folder may itself be reached through a symlink). */
    static Path root(Path repo) {
        Path abs = repo.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * The real path of {@code path}: the deepest part that exists is resolved with symlinks followed, the rest
     * (which does not exist yet, so cannot be a link) is appended. Relative paths are taken from {@code base}.
     */
    static Path real(Path base, Path path) {
        Path abs = (path.isAbsolute() ? path : base.resolve(path)).normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            // A dangling or looping link: treat it as leading nowhere we allow.
            return Path.of("/").resolve("unresolvable-link").resolve(abs.toString().replace('/', '_'));
        }
    }

    static boolean inside(Path root, Path base, Path path) {
        return real(base, path).startsWith(root);
    }
}
