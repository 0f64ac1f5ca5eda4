package ru.mpgu.lab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeSafetyTest {

    private static final Path REPO = Path.of("/home/student/lab");

    private static String service(String body) {
        return "{\"services\":{\"web\":{\"image\":\"x\",\"deploy\":{\"resources\":{\"limits\":{\"cpus\":\"0.5\",\"memory\":\"100m\"}}}"
                + body + "}}}";
    }

    @Test
    void theTemplateShapeIsAccepted() {
        String json = service(",\"volumes\":[{\"type\":\"bind\",\"source\":\"/home/student/lab/nginx/default.conf\",\"target\":\"/etc/x\"},"
                + "{\"type\":\"volume\",\"source\":\"db-data\",\"target\":\"/data\"}]");
        assertThat(ComposeSafety.problems(json, REPO)).isEmpty();
    }

    @Test
    void everyEscapeHatchIsRefused() {
        String json = service(",\"privileged\":true,\"network_mode\":\"host\",\"pid\":\"host\",\"cap_add\":[\"SYS_ADMIN\"],"
                + "\"devices\":[\"/dev/kmsg\"],\"security_opt\":[\"apparmor=unconfined\"],"
                + "\"volumes\":[{\"type\":\"bind\",\"source\":\"/var/run/docker.sock\",\"target\":\"/s\"},"
                + "{\"type\":\"bind\",\"source\":\"/home/student/lab/../other\",\"target\":\"/o\"}]");
        List<String> problems = ComposeSafety.problems(json, REPO);
        assertThat(String.join("\n", problems)).contains("privileged", "network_mode: host", "pid: host", "cap_add",
                "devices", "security_opt", "docker.sock", "вне репозитория");
    }

    @Test
    void aServiceWithoutLimitsIsRefused() {
        String json = "{\"services\":{\"hog\":{\"image\":\"x\"}}}";
        assertThat(ComposeSafety.problems(json, REPO)).singleElement().asString().contains("hog", "лимитов");
    }
}
