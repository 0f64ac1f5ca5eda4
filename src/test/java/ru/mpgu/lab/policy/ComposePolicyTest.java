package ru.mpgu.lab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list over real `docker compose config` output (the CLI only: no Docker engine is needed). */
class ComposePolicyTest {

    @TempDir
    Path dir;

    static Stream<AttackCorpus.Attack> attacks() {
        return AttackCorpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefusedNamingItsKey(AttackCorpus.Attack attack) {
        Path repo = AttackCorpus.build(attack, dir);
        Verdict verdict = SubmissionScreen.screen(repo, AttackCorpus.ENV);
        System.out.println("[corpus] " + attack.name() + (verdict.safe() ? ": ACCEPTED" : ": refused\n" + verdict.describe()));
        assertThat(verdict.safe()).as(attack.name()).isFalse();
        assertThat(verdict.unreadable()).as(attack.name() + ": refused, not merely unreadable\n" + verdict.describe()).isFalse();
        assertThat(verdict.describe()).as(attack.name()).contains(attack.expect());
    }

    @Test
    void theCorpusHasAtLeastThirtyDistinctAttacks() {
        assertThat(AttackCorpus.all()).hasSizeGreaterThanOrEqualTo(30)
                .extracting(AttackCorpus.Attack::name).doesNotHaveDuplicates();
    }

    @Test
    void theUntouchedTemplateIsAccepted() {
        Path repo = AttackCorpus.template(dir);
        Verdict verdict = SubmissionScreen.screen(repo, AttackCorpus.ENV);
        assertThat(verdict.describe()).isEmpty();
        assertThat(verdict.model().path("services").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "setup", "web", "nginx", "prometheus", "grafana", "wrk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "partial", "fabricated", "crashing-setup"})
    void everyHonestFixtureIsAccepted(String fixture) throws Exception {
        Path repo = AttackCorpus.template(dir);
        overlay(AttackCorpus.TEMPLATE.resolve("src/test/resources/fixtures").resolve(fixture), repo);
        assertThat(SubmissionScreen.screen(repo, AttackCorpus.ENV).describe()).isEmpty();
    }

    @Test
    void theMaliciousFixtureIsRefusedWithEveryReason() throws Exception {
        Path repo = AttackCorpus.template(dir);
        overlay(AttackCorpus.TEMPLATE.resolve("src/test/resources/fixtures/malicious"), repo);
        Verdict verdict = ComposePolicy.screen(repo, AttackCorpus.ENV);
        assertThat(verdict.describe()).contains("сервис nginx, ключ privileged", "docker.sock", "вне репозитория");
    }

    @Test
    void aBrokenComposeFileIsUnreadableNotAnAttack() throws Exception {
        Path repo = AttackCorpus.template(dir);
        overlay(AttackCorpus.TEMPLATE.resolve("src/test/resources/fixtures/broken-compose"), repo);
        Verdict verdict = ComposePolicy.screen(repo, AttackCorpus.ENV);
        assertThat(verdict.unreadable()).as(verdict.describe()).isTrue();
    }

    @Test
    void harmlessEditsOfAStudentStayAccepted() throws Exception {
        Path repo = AttackCorpus.template(dir);
        // Port on loopback, more workers, a tmpfs, an env file inside the repository: all fine.
        AttackCorpus.edit("\"${LAB_HTTP_PORT:-8000}:80\"", "\"127.0.0.1:${LAB_HTTP_PORT:-8000}:80\"")
                .andThen(AttackCorpus.edit("WEB_WORKERS: \"2\"", "WEB_WORKERS: \"3\""))
                .andThen(AttackCorpus.web("    env_file: [web.env]\n"))
                .apply(repo, dir);
        Files.writeString(repo.resolve("web.env"), "DJANGO_DEBUG=0\n");
        Files.writeString(repo.resolve(".env"), "LAB_HTTP_PORT=8080\n");
        assertThat(SubmissionScreen.screen(repo, AttackCorpus.ENV).describe()).isEmpty();
    }

    /** tasks/07: the student switches the cache on in .env; the policy accepts it, and the grader's run has it off. */
    @Test
    void theExtensionSwitchIsAcceptedAndTheGradedStackHasItOff() throws Exception {
        Path repo = AttackCorpus.template(dir);
        String cache = "LAB_ORDERS_CACHE_SECONDS";
        Verdict untouched = SubmissionScreen.screen(repo, AttackCorpus.ENV);
        assertThat(untouched.model().path("services").path("web").path("environment").path(cache).asText()).isEqualTo("0");

        Files.writeString(repo.resolve(".env"), "LAB_STUDENT_ID=2023001\n" + cache + "=10\n");
        Verdict students = SubmissionScreen.screen(repo, AttackCorpus.ENV);
        assertThat(students.describe()).isEmpty();
        assertThat(students.model().path("services").path("web").path("environment").path(cache).asText()).isEqualTo("10");

        java.util.Map<String, String> graded = new java.util.HashMap<>(AttackCorpus.ENV);
        graded.putAll(ru.mpgu.lab.stack.LabStack.MAIN_LAB_ENV);
        Verdict grader = SubmissionScreen.screen(repo, graded);
        assertThat(grader.describe()).isEmpty();
        assertThat(grader.model().path("services").path("web").path("environment").path(cache).asText()).isEqualTo("0");
        assertThat(grader.model().path("services").path("web").path("environment").path("LAB_STUDENT_ID").asText())
                .as("the rest of the student's .env still applies").isEqualTo("2023001");
    }

    @Test
    void aSymlinkInsideTheRepositoryIsFine() throws Exception {
        Path repo = AttackCorpus.template(dir);
        Files.createSymbolicLink(repo.resolve("report/link.md"), repo.resolve("report/REPORT.md"));
        assertThat(SubmissionScreen.linksOut(repo)).isEmpty();
    }

    static void overlay(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
