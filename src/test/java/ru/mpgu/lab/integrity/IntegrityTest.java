package ru.mpgu.lab.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityTest {

    static void write(Path root, String rel, String content) throws Exception {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
    }

    static Path template(Path dir) throws Exception {
        write(dir, "pom.xml", "<project/>\n");
        write(dir, "src/test/java/ru/mpgu/lab/LabGradingIT.java", "class LabGradingIT {\n}\n");
        write(dir, "rubric.yaml", "title: x\n");
        write(dir, "docker-compose.yml", "services: {}\n");
        write(dir, "app/manage.py", "print(1)\n");
        write(dir, "README.md", "not covered\n");
        write(dir, "target/classes/x.class", "build output");
        return dir;
    }

    @Test
    void changedMissingAndAddedFilesAreGrouped(@TempDir Path dir) throws Exception {
        IntegrityManifest manifest = IntegrityManifest.generate(template(dir));
        assertThat(manifest.files()).containsOnlyKeys("pom.xml", "src/test/java/ru/mpgu/lab/LabGradingIT.java",
                "rubric.yaml", "docker-compose.yml", "app/manage.py");

        write(dir, "src/test/java/ru/mpgu/lab/LabGradingIT.java", "class LabGradingIT { /* always pass */ }\n");
        Files.delete(dir.resolve("rubric.yaml"));
        write(dir, "app/views.py", "x = 1\n");
        write(dir, "README.md", "edited, not covered\n");

        IntegrityReport report = IntegrityCheck.compare(dir, manifest);
        assertThat(report.of(FileGroup.GRADER).changed()).containsExactly("src/test/java/ru/mpgu/lab/LabGradingIT.java");
        assertThat(report.of(FileGroup.RUBRIC).missing()).containsExactly("rubric.yaml");
        assertThat(report.of(FileGroup.STACK).added()).containsExactly("app/views.py");
        assertThat(report.of(FileGroup.STACK).changed()).isEmpty();
        assertThat(report.graderTampered()).isTrue();
        assertThat(IntegrityCheck.studentWarning(report)).get().asString()
                .contains("LabGradingIT.java").contains("rubric.yaml").doesNotContain("app/views.py");
    }

    @Test
    void crlfOnlyChangeIsNotDetected(@TempDir Path dir) throws Exception {
        IntegrityManifest manifest = IntegrityManifest.generate(template(dir));
        write(dir, "src/test/java/ru/mpgu/lab/LabGradingIT.java", "class LabGradingIT {\r\n}\r\n");
        write(dir, "pom.xml", "<project/>\r\n");

        IntegrityReport report = IntegrityCheck.compare(dir, manifest);
        assertThat(report.graderTampered()).isFalse();
        assertThat(report.of(FileGroup.GRADER).isEmpty()).isTrue();
        assertThat(IntegrityCheck.studentWarning(report)).isEmpty();
    }

    @Test
    void manifestRoundTripsThroughJson(@TempDir Path dir) throws Exception {
        IntegrityManifest manifest = IntegrityManifest.generate(template(dir));
        assertThat(IntegrityManifest.parse(manifest.toJson())).isEqualTo(manifest);
    }

    /**
     * The committed integrity-manifest.json must describe the current tree. If this fails after you changed a grader,
     * rubric or stack file, regenerate it from the repository root and commit it:
     * ./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
     *   && java -cp "target/classes:$(cat target/cp.txt)" ru.mpgu.lab.cli.LabCli manifest --repo .
     */
    @Test
    void committedManifestMatchesTheTree() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        IntegrityManifest committed = IntegrityManifest.read(repo.resolve(IntegrityManifest.FILE_NAME));
        IntegrityReport report = IntegrityCheck.compare(repo, committed);
        assertThat(report.describe())
                .as("integrity-manifest.json устарел. Пересоздайте его: " + IntegrityManifest.REGENERATE)
                .isEmpty();
    }
}
