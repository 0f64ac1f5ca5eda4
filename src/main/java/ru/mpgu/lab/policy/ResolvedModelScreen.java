package ru.mpgu.lab.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allow-list over the model `docker compose config` resolved (interpolated, anchors and merges applied):
 * every key of every service must be one the lab needs, with a value it needs. Anything else is a reason.
 */
final class ResolvedModelScreen {

    private final Path root;
    private final List<Reason> reasons = new ArrayList<>();

    private ResolvedModelScreen(Path root) {
        this.root = root;
    }

    static List<Reason> screen(JsonNode model, Path repo) {
        ResolvedModelScreen s = new ResolvedModelScreen(RepoPaths.root(repo));
        s.top(model);
        return s.reasons;
    }

    private void refuse(String service, String key, String why) {
        reasons.add(Reason.refused(service, key, why));
    }

    private void top(JsonNode model) {
        String project = model.path("name").asText("");
        for (Iterator<String> it = model.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
                refuse(null, key, "ключ верхнего уровня лабораторной не нужен"
                        + (key.equals("secrets") || key.equals("configs") ? "; файлы с компьютера преподавателя в контейнеры не передаются" : ""));
            }
        }
        model.path("volumes").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                boolean derivedName = key.equals("name") && v.path("name").asText().equals(project + "_" + e.getKey());
                if (!derivedName) {
                    refuse(null, "volumes." + e.getKey() + "." + key, "у тома можно указать только имя без параметров; "
                            + (key.equals("driver_opts") || key.equals("driver") ? "параметры драйвера могут подключить папку компьютера преподавателя"
                            : key.equals("external") ? "чужие тома компьютера недоступны" : "такой параметр не нужен"));
                }
            }
        });
        model.path("networks").fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            if (!e.getKey().equals("default")) {
                refuse(null, "networks." + e.getKey(), "своих сетей лабораторной не нужно: все сервисы в сети по умолчанию");
                return;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                boolean fine = (key.equals("name") && n.path("name").asText().equals(project + "_default"))
                        || (key.equals("ipam") && n.path("ipam").isEmpty());
                if (!fine) {
                    refuse(null, "networks.default." + key, "параметры сети задаёт проверка");
                }
            }
        });
        Set<String> declaredVolumes = new java.util.HashSet<>();
        model.path("volumes").fieldNames().forEachRemaining(declaredVolumes::add);
        JsonNode services = model.path("services");
        if (!services.isObject() || services.isEmpty()) {
            refuse(null, "services", "нет ни одного сервиса");
            return;
        }
        services.fields().forEachRemaining(e -> service(e.getKey(), e.getValue(), declaredVolumes));
    }

    private void service(String name, JsonNode svc, Set<String> declaredVolumes) {
        String allowedImage = LabAllowList.IMAGES.get(name);
        if (allowedImage == null) {
            refuse(name, "services", "такого сервиса в лабораторной нет; допустимы " + String.join(", ", sorted(LabAllowList.IMAGES.keySet())));
            return;
        }
        for (Iterator<String> it = svc.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.SERVICE_KEYS.contains(key)) {
                refuse(name, key, why(key));
            }
        }
        String image = svc.path("image").asText("");
        if (!svc.path("image").isNull() && !image.isEmpty() && !image.equals(allowedImage)) {
            refuse(name, "image", "образ «" + image + "» не из списка лабораторной; для " + name + " допустим только " + allowedImage);
        } else if (image.isEmpty() && !svc.has("build")) {
            refuse(name, "image", "не указан образ; для " + name + " нужен " + allowedImage);
        }
        if (svc.has("build")) {
            build(name, svc.path("build"), allowedImage, image);
        }
        if (svc.has("pull_policy") && !LabAllowList.PULL_POLICIES.contains(svc.path("pull_policy").asText())) {
            refuse(name, "pull_policy", "значение «" + svc.path("pull_policy").asText() + "» не допускается (образы не скачиваются во время проверки)");
        }
        healthcheck(name, svc.path("healthcheck"));
        dependsOn(name, svc.path("depends_on"));
        restart(name, svc.path("restart"));
        deploy(name, svc.path("deploy"));
        volumes(name, svc.path("volumes"), declaredVolumes);
        ports(name, svc.path("ports"));
        networks(name, svc.path("networks"));
    }

    private static String why(String key) {
        return switch (key) {
            case "privileged" -> "privileged даёт контейнеру полный доступ к компьютеру";
            case "cap_add" -> "дополнительные права ядра (capabilities) лабораторной не нужны";
            case "devices", "device_cgroup_rules" -> "доступ к устройствам компьютера лабораторной не нужен";
            case "pid", "ipc", "network_mode", "uts", "userns_mode", "cgroup", "cgroup_parent" ->
                    "общие с компьютером или другими контейнерами пространства имён и группы запрещены";
            case "security_opt" -> "настройки защиты (seccomp, AppArmor) менять нельзя";
            case "volumes_from" -> "тома других контейнеров подключать нельзя";
            case "sysctls", "ulimits" -> "параметры ядра задаёт проверка";
            case "env_file" -> "файлы переменных не нужны: переменные пишутся в environment";
            case "secrets", "configs" -> "файлы с компьютера преподавателя в контейнеры не передаются";
            case "extra_hosts", "dns", "dns_search", "dns_opt", "mac_address", "links", "external_links" -> "сетевые настройки задаёт проверка";
            case "container_name" -> "фиксированное имя контейнера мешает --scale и параллельным проверкам";
            case "labels" -> "метки контейнеров использует сама проверка";
            case "logging" -> "журналы собирает проверка";
            case "extends" -> "наследование из другого файла не нужно";
            default -> "ключ лабораторной не нужен";
        };
    }

    private void build(String name, JsonNode build, String allowedImage, String image) {
        if (!LabAllowList.BUILT.contains(name)) {
            refuse(name, "build", "этот сервис использует готовый образ " + allowedImage + ", собирать его нельзя");
            return;
        }
        for (Iterator<String> it = build.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.BUILD_KEYS.contains(key)) {
                refuse(name, "build." + key, "параметр сборки лабораторной не нужен"
                        + (key.equals("additional_contexts") ? "; папки вне контекста сборки недоступны" : ""));
            }
        }
        String context = build.path("context").asText("");
        if (context.isEmpty() || context.contains("://") || context.startsWith("git@")) {
            refuse(name, "build.context", "контекст сборки должен быть папкой репозитория, а не «" + context + "»");
            return;
        }
        Path ctx = Path.of(context);
        if (!RepoPaths.inside(root, root, ctx)) {
            refuse(name, "build.context", "папка сборки «" + context + "» вне репозитория");
            return;
        }
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        if (!RepoPaths.inside(root, RepoPaths.real(root, ctx), Path.of(dockerfile))) {
            refuse(name, "build.dockerfile", "Dockerfile «" + dockerfile + "» вне репозитория");
        }
        if (image.isEmpty()) {
            refuse(name, "image", "у собираемого образа должно быть имя " + allowedImage);
        }
    }

    private void healthcheck(String name, JsonNode hc) {
        for (Iterator<String> it = hc.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.HEALTHCHECK_KEYS.contains(key)) {
                refuse(name, "healthcheck." + key, "параметр проверки здоровья не нужен");
            }
        }
    }

    private void dependsOn(String name, JsonNode deps) {
        deps.fields().forEachRemaining(e -> {
            if (!LabAllowList.IMAGES.containsKey(e.getKey())) {
                refuse(name, "depends_on." + e.getKey(), "зависимость от сервиса, которого нет в лабораторной");
            }
            for (Iterator<String> it = e.getValue().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!LabAllowList.DEPENDS_KEYS.contains(key)) {
                    refuse(name, "depends_on." + e.getKey() + "." + key, "параметр не нужен");
                }
            }
        });
    }

    private void restart(String name, JsonNode restart) {
        if (restart.isMissingNode() || restart.isNull()) {
            return;
        }
        String r = restart.asText();
        if (!(r.equals("no") || r.equals("always") || r.equals("unless-stopped") || r.matches("on-failure(:\\d{1,2})?"))) {
            refuse(name, "restart", "значение «" + r + "» не допускается");
        }
    }

    private void deploy(String name, JsonNode deploy) {
        for (Iterator<String> it = deploy.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.DEPLOY_KEYS.contains(key)) {
                refuse(name, "deploy." + key, "параметр развёртывания лабораторной не нужен");
            }
        }
        if (!deploy.path("placement").isMissingNode() && !deploy.path("placement").isEmpty()) {
            refuse(name, "deploy.placement", "параметр не нужен");
        }
        if (deploy.has("replicas") && (!deploy.path("replicas").canConvertToInt()
                || deploy.path("replicas").asInt() < 0 || deploy.path("replicas").asInt() > LabAllowList.MAX_REPLICAS)) {
            refuse(name, "deploy.replicas", "не больше " + LabAllowList.MAX_REPLICAS + " реплик");
        }
        JsonNode resources = deploy.path("resources");
        for (Iterator<String> it = resources.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.RESOURCE_KEYS.contains(key)) {
                refuse(name, "deploy.resources." + key, "параметр не нужен");
            }
        }
        JsonNode limits = resources.path("limits");
        for (Iterator<String> it = limits.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LabAllowList.LIMIT_KEYS.contains(key)) {
                refuse(name, "deploy.resources.limits." + key, "параметр не нужен");
            }
        }
        if (!limits.hasNonNull("cpus") || !limits.hasNonNull("memory")) {
            refuse(name, "deploy.resources.limits", "нет лимитов CPU и памяти (deploy.resources.limits.cpus и memory)");
            return;
        }
        double cpus = limits.path("cpus").asDouble(Double.NaN);
        if (!(cpus > 0 && cpus <= LabAllowList.MAX_CPUS)) {
            refuse(name, "deploy.resources.limits.cpus", "лимит CPU «" + limits.path("cpus").asText() + "»: допустимо больше 0 и не больше "
                    + LabAllowList.MAX_CPUS);
        }
        long memory = parseLong(limits.path("memory").asText());
        if (memory <= 0 || memory > LabAllowList.MAX_MEMORY_BYTES) {
            refuse(name, "deploy.resources.limits.memory", "лимит памяти «" + limits.path("memory").asText()
                    + "»: допустимо не больше 512M");
        }
    }

    private void volumes(String name, JsonNode volumes, Set<String> declared) {
        for (JsonNode v : volumes) {
            String type = v.path("type").asText("");
            String source = v.path("source").asText("");
            String target = v.path("target").asText("");
            String where = "volumes (" + (source.isEmpty() ? "" : source + ":") + target + ")";
            Set<String> allowed = switch (type) {
                case "bind" -> LabAllowList.BIND_VOLUME_KEYS;
                case "volume" -> LabAllowList.NAMED_VOLUME_KEYS;
                case "tmpfs" -> LabAllowList.TMPFS_VOLUME_KEYS;
                default -> null;
            };
            if (allowed == null) {
                refuse(name, where, "тип подключения «" + type + "» не допускается");
                continue;
            }
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    refuse(name, where + "." + key, "параметр подключения не нужен");
                }
            }
            if (type.equals("bind")) {
                if (source.contains("docker.sock")) {
                    refuse(name, where, "подключение сокета Docker даёт контейнеру управление всем Docker компьютера");
                } else if (!RepoPaths.inside(root, root, Path.of(source))) {
                    boolean viaLink = Path.of(source).normalize().startsWith(root);
                    refuse(name, where, "монтирование каталога вне репозитория (" + source
                            + (viaLink ? ": путь ведёт наружу через символическую ссылку" : "") + ")");
                } else if (!v.path("read_only").asBoolean(false)) {
                    refuse(name, where, "папки репозитория подключаются только для чтения: допишите :ro");
                } else if (Files.exists(Path.of(source)) && !Files.isRegularFile(Path.of(source)) && !Files.isDirectory(Path.of(source))) {
                    refuse(name, where, "подключается не файл и не папка");
                }
                JsonNode bind = v.path("bind");
                for (Iterator<String> it = bind.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!key.equals("create_host_path")) {
                        refuse(name, where + ".bind." + key, "параметр не нужен");
                    }
                }
            } else if (type.equals("volume")) {
                if (!source.isEmpty() && !declared.contains(source)) {
                    refuse(name, where, "том «" + source + "» не объявлен в volumes:");
                }
                JsonNode opts = v.path("volume");
                for (Iterator<String> it = opts.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!key.equals("nocopy")) {
                        refuse(name, where + ".volume." + key, "параметр не нужен");
                    }
                }
            }
        }
    }

    private void ports(String name, JsonNode ports) {
        for (JsonNode p : ports) {
            String where = "ports (" + p.path("published").asText("") + ":" + p.path("target").asText("") + ")";
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!LabAllowList.PORT_KEYS.contains(key)) {
                    refuse(name, where + "." + key, "параметр не нужен");
                }
            }
            String hostIp = p.path("host_ip").asText("");
            if (!hostIp.isEmpty() && !hostIp.equals("127.0.0.1")) {
                refuse(name, where, "порт публикуется на адресе " + hostIp + "; допустим только 127.0.0.1 (или без адреса)");
            }
            String mode = p.path("mode").asText("ingress");
            if (!mode.equals("ingress")) {
                refuse(name, where, "режим публикации «" + mode + "» не допускается");
            }
        }
    }

    private void networks(String name, JsonNode networks) {
        networks.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("default")) {
                refuse(name, "networks." + e.getKey(), "сервис может быть только в сети по умолчанию");
            } else if (!e.getValue().isNull() && !e.getValue().isEmpty()) {
                refuse(name, "networks.default", "параметры сети (адреса, псевдонимы) задаёт проверка");
            }
        });
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    static Map<String, String> images() {
        return LabAllowList.IMAGES;
    }
}
