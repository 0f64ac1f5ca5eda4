package ru.mpgu.lab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;

/** The grader opens a submission's file only if its real path is inside the repository. */
class SubmissionFilesTest {

    @TempDir
    Path dir;

    private Path repo() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/report"));
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/shadow"), "root:$6$teacher-secret:19000:0:99999:7:::\n");
        return repo.getParent();
    }

    @Test
    void aSymlinkedReportIsRefusedAndNotRead() throws Exception {
        Path repo = repo();
        Files.createSymbolicLink(repo.resolve("report/REPORT.md"), dir.resolve("outside/shadow"));
        LabReport report = ReportParser.parseIn(repo, ReportParser.DEFAULT_PATH);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("Отчёт не прочитан: файл «report/REPORT.md» — символическая ссылка"));
        assertThat(report.toString()).doesNotContain("teacher-secret");
    }

    @Test
    void aReportInASymlinkedFolderIsRefused() throws Exception {
        Path repo = repo();
        Files.delete(repo.resolve("report"));
        Files.writeString(dir.resolve("outside/REPORT.md"), "# чужой отчёт\n");
        Files.createSymbolicLink(repo.resolve("report"), dir.resolve("outside"));
        assertThat(SubmissionFiles.resolve(repo, "report/REPORT.md").allowed()).isFalse();
    }

    @Test
    void dotDotAndLinksInsideAreHandled() throws Exception {
        Path repo = repo();
        Files.writeString(repo.resolve("report/REPORT.md"), "# отчёт\n");
        Files.createSymbolicLink(repo.resolve("report/link.md"), repo.resolve("report/REPORT.md"));
        assertThat(SubmissionFiles.resolve(repo, "report/link.md").allowed()).isTrue();
        assertThat(SubmissionFiles.resolve(repo, "report/REPORT.md").allowed()).isTrue();
        assertThat(SubmissionFiles.resolve(repo, "../outside/shadow").refusal()).contains("за пределы репозитория");
        assertThat(SubmissionFiles.resolve(repo, "report/missing.md").allowed()).as("missing: the caller says «не найден»").isTrue();
    }

    @Test
    void aFifoIsNotOpened() throws Exception {
        Path repo = repo();
        Path fifo = repo.resolve("report/REPORT.md");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        assertThat(SubmissionFiles.resolve(repo, "report/REPORT.md").refusal()).contains("не обычный файл");
    }
}
