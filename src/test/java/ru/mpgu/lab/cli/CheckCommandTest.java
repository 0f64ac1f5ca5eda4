package ru.mpgu.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.policy.AttackCorpus;

/** {@code lab check --repo DIR}: verdict and reasons, exit 0 safe, 1 refused, 3 cannot check. */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void theTemplateIsSafe() {
        Path repo = AttackCorpus.template(dir);
        StringWriter out = new StringWriter();
        int code = CliRuns.execute(out, new StringWriter(), "check", "--repo", repo.toString());
        assertThat(code).as(out.toString()).isEqualTo(CheckCommand.EXIT_SAFE);
        assertThat(out.toString()).contains("можно проверять");
    }

    @Test
    void aSymlinkedReportIsRefusedWithItsReason() throws Exception {
        Path repo = AttackCorpus.template(dir);
        Files.delete(repo.resolve("report/REPORT.md"));
        Files.createSymbolicLink(repo.resolve("report/REPORT.md"), dir.resolve("outside/secret.txt"));
        StringWriter out = new StringWriter();
        int code = CliRuns.execute(out, new StringWriter(), "check", "--repo", repo.toString());
        assertThat(code).isEqualTo(CheckCommand.EXIT_REFUSED);
        assertThat(out.toString()).contains("отклонено (1 причина)", "файл report/REPORT.md: символическая ссылка на файл вне репозитория")
                .doesNotContain("teacher's private file");
    }

    @Test
    void aHostileComposeFileIsRefusedNamingServiceAndKey() throws Exception {
        Path repo = AttackCorpus.template(dir);
        Path compose = repo.resolve("docker-compose.yml");
        Files.writeString(compose, Files.readString(compose).replace("  web:\n    <<: *web-image\n",
                "  web:\n    <<: *web-image\n    privileged: true\n    cap_add: [SYS_ADMIN]\n"));
        StringWriter out = new StringWriter();
        int code = CliRuns.execute(out, new StringWriter(), "check", "--repo", repo.toString());
        assertThat(code).isEqualTo(CheckCommand.EXIT_REFUSED);
        assertThat(out.toString()).contains("отклонено (2 причины)", "сервис web, ключ privileged", "сервис web, ключ cap_add");
    }

    @Test
    void aMissingFolderCannotBeChecked() {
        StringWriter err = new StringWriter();
        int code = CliRuns.execute(new StringWriter(), err, "check", "--repo", dir.resolve("nope").toString());
        assertThat(code).isEqualTo(CheckCommand.EXIT_CANNOT_CHECK);
        assertThat(err.toString()).contains("нет");
    }
}
