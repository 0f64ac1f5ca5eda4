package ru.mpgu.lab.integrity;

/** Which part of the template a covered file belongs to; the batch flags changes by group. */
public enum FileGroup {
    /** pom.xml, the Maven wrapper and src/**: the grader and its tests. Changing them cannot change the batch score. */
    GRADER("исходники и тесты проверяющей программы"),
    /** rubric.yaml. */
    RUBRIC("критерии оценивания (rubric.yaml)"),
    /** The compose file and the stack's folders: students are expected to edit these. */
    STACK("файлы стенда");

    private final String russian;

    FileGroup(String russian) {
        this.russian = russian;
    }

    public String russian() {
        return russian;
    }

    /** The group of a covered path (forward slashes, relative to the repository root), or null if it is not covered. */
    public static FileGroup of(String path) {
        if (path.equals("pom.xml") || path.equals("mvnw") || path.equals("mvnw.cmd")
                || path.startsWith(".mvn/") || path.startsWith("src/")) {
            return GRADER;
        }
        if (path.equals("rubric.yaml")) {
            return RUBRIC;
        }
        if (path.equals("docker-compose.yml") || path.startsWith("app/") || path.startsWith("nginx/")
                || path.startsWith("prometheus/") || path.startsWith("grafana/") || path.startsWith("wrk/")) {
            return STACK;
        }
        return null;
    }
}
