package ru.mpgu.lab.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What must be refused before `docker compose config` runs, because compose itself would read it:
 * a compose file or .env that is a link out, include/extends of other files, env files outside the repository,
 * a .env that changes compose's own settings. Parsed with SnakeYAML (anchors and merge keys resolved).
 */
final class RawComposeScreen {

    static final long MAX_FILE_BYTES = 1_000_000;

    private RawComposeScreen() {
    }

    static List<Reason> screen(Path repo, Path composeFile) {
        List<Reason> reasons = new ArrayList<>();
        Path root = RepoPaths.root(repo);
        String name = composeFile.getFileName().toString();
        if (Files.isSymbolicLink(composeFile) || !RepoPaths.inside(root, root, composeFile)) {
            reasons.add(Reason.file(name, "символическая ссылка или лежит вне репозитория; нужен обычный файл в корне репозитория"));
            return reasons;
        }
        if (!Files.isRegularFile(composeFile, LinkOption.NOFOLLOW_LINKS)) {
            reasons.add(Reason.file(name, "это не обычный файл"));
            return reasons;
        }
        screenDotEnv(root, repo.resolve(".env"), reasons);
        Object doc;
        try {
            if (Files.size(composeFile) > MAX_FILE_BYTES) {
                reasons.add(Reason.refused(null, name, "файл больше 1 МБ; файл лабораторной занимает несколько килобайт"));
                return reasons;
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(100);
            options.setCodePointLimit((int) MAX_FILE_BYTES);
            doc = new Yaml(new SafeConstructor(options)).load(Files.readString(composeFile, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            reasons.add(new Reason(Reason.Kind.UNREADABLE, null, null, "YAML не читается: " + firstLine(e.getMessage())));
            return reasons;
        }
        if (!(doc instanceof Map<?, ?> top)) {
            reasons.add(new Reason(Reason.Kind.UNREADABLE, null, null, "в файле нет описания сервисов (services:)"));
            return reasons;
        }
        for (String key : List.of("include", "secrets", "configs")) {
            if (top.containsKey(key)) {
                reasons.add(Reason.refused(null, key, "лабораторной не нужен; "
                        + ("include".equals(key) ? "подключать другие файлы нельзя, весь стенд описывается в docker-compose.yml"
                        : "файлы с компьютера преподавателя в контейнеры не передаются")));
            }
        }
        if (top.get("services") instanceof Map<?, ?> services) {
            for (Map.Entry<?, ?> e : services.entrySet()) {
                String service = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> svc)) {
                    continue;
                }
                if (svc.containsKey("extends")) {
                    reasons.add(Reason.refused(service, "extends", "наследование из другого файла или сервиса лабораторной не нужно; опишите сервис целиком"));
                }
                for (String key : List.of("secrets", "configs")) {
                    if (svc.containsKey(key)) {
                        reasons.add(Reason.refused(service, key, "файлы с компьютера преподавателя в контейнеры не передаются"));
                    }
                }
                for (String envFile : envFiles(svc.get("env_file"))) {
                    if (envFile.contains("$")) {
                        reasons.add(Reason.refused(service, "env_file", "в пути «" + envFile + "» переменная; нужен простой путь внутри репозитория"));
                        continue;
                    }
                    Path p = Path.of(envFile);
                    if (p.isAbsolute() || !RepoPaths.inside(root, root, p)) {
                        reasons.add(Reason.refused(service, "env_file", "файл «" + envFile + "» вне репозитория"));
                    } else if (Files.exists(root.resolve(p)) && !Files.isRegularFile(root.resolve(p))) {
                        reasons.add(Reason.refused(service, "env_file", "«" + envFile + "» — не обычный файл"));
                    }
                }
            }
        }
        return reasons;
    }

    private static void screenDotEnv(Path root, Path dotEnv, List<Reason> reasons) {
        if (!Files.exists(dotEnv, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(dotEnv) || !Files.isRegularFile(dotEnv, LinkOption.NOFOLLOW_LINKS)
                || !RepoPaths.inside(root, root, dotEnv)) {
            reasons.add(Reason.file(".env", "ссылка или не обычный файл; нужен обычный файл в репозитории"));
            return;
        }
        try {
            if (Files.size(dotEnv) > MAX_FILE_BYTES) {
                reasons.add(Reason.refused(null, ".env", "файл больше 1 МБ"));
                return;
            }
            for (String line : Files.readAllLines(dotEnv, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("export ")) {
                    t = t.substring(7).strip();
                }
                int eq = t.indexOf('=');
                if (t.isEmpty() || t.startsWith("#") || eq <= 0) {
                    continue;
                }
                String key = t.substring(0, eq).strip().toUpperCase(Locale.ROOT);
                if (LabAllowList.ENV_PREFIXES_REFUSED.stream().anyMatch(key::startsWith)) {
                    reasons.add(Reason.refused(null, ".env " + key, "переменная меняет настройки самого docker compose или Docker "
                            + "(файлы, профили, имя проекта, адрес Docker); проверка задаёт их сама"));
                }
            }
        } catch (IOException e) {
            reasons.add(Reason.refused(null, ".env", "файл не читается как текст UTF-8"));
        }
    }

    private static List<String> envFiles(Object value) {
        List<String> files = new ArrayList<>();
        if (value instanceof String s) {
            files.add(s);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    files.add(s);
                } else if (item instanceof Map<?, ?> m && m.get("path") != null) {
                    files.add(String.valueOf(m.get("path")));
                }
            }
        }
        return files;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().limit(3).reduce((a, b) -> a + " " + b).orElse("").strip();
    }
}
