package ru.mpgu.lab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC;
import static ru.mpgu.lab.batch.BatchFixtures.RUBRIC_FILE;
import static ru.mpgu.lab.batch.BatchFixtures.submission;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.variant.Roster;
import ru.mpgu.lab.variant.RosterAudit;
import ru.mpgu.lab.variant.StudentVariant;
import ru.mpgu.lab.variant.WrkVariantCheckTest;

/** The batch with a class list: roster flags per row, and the pairs of similar work in index.html. */
class BatchVariantsTest {

    @Test
    void rosterFlagsAndSharedFilesShowInTheSummaryWithoutChangingScores(@TempDir Path tmp) throws Exception {
        Path subs = tmp.resolve("subs");
        Path out = tmp.resolve("out");
        String report = "\n## Прогон 1: один контейнер web\n\nПолный вывод wrk:\n\n```text\n" + WrkVariantCheckTest.IVANOV_REAL + "```\n";
        for (String f : List.of("ivanov", "petrov", "stranger")) {
            Path dir = submission(subs, f, f, "ИВТ-21");
            Files.writeString(dir.resolve("report/REPORT.md"), report, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(dir.resolve(".env"), "LAB_STUDENT_ID=" + f + "\n");
        }
        // ivanov's real output in ivanov's, petrov's and stranger's reports: one of them is honest
        Roster roster = Roster.parse("id;ФИО;группа;e-mail\nivanov;Иванов;ИВТ-21;ivanov@x\npetrov;Петров;ИВТ-21;petrov@x\n");
        assertThat(roster.forFolder("ivanov").orElseThrow().variant()).isEqualTo(StudentVariant.forId("ivanov"));
        double fraction = 0.5;
        BatchFixtures.FakeGrader grader = new BatchFixtures.FakeGrader(Map.of(
                "ivanov", BatchFixtures.ok(BatchFixtures.sheet(fraction, false, Map.of()), null, null, 1),
                "petrov", BatchFixtures.ok(BatchFixtures.sheet(fraction, false, Map.of()), null, null, 1),
                "stranger", BatchFixtures.ok(BatchFixtures.sheet(fraction, false, Map.of()), null, null, 1)));
        BatchRunner.Summary summary = new BatchRunner(new BatchRunner.Settings(subs, out, RUBRIC_FILE, RUBRIC, Map.of(),
                Duration.ofSeconds(30), null, false), grader, () -> true, new PrintWriter(new StringWriter()))
                .withRoster(roster).run();
        GradebookRow ivanov = summary.rows().get(0);
        GradebookRow petrov = summary.rows().get(1);
        GradebookRow stranger = summary.rows().get(2);
        assertThat(ivanov.flags()).doesNotContain(RosterAudit.FOREIGN_VARIANT, RosterAudit.NOT_IN_ROSTER);
        assertThat(petrov.flags()).contains(RosterAudit.FOREIGN_VARIANT);
        assertThat(String.join(" ", petrov.notes())).contains("не на вашем стенде").contains("V37");
        assertThat(stranger.flags()).contains(RosterAudit.NOT_IN_ROSTER);
        assertThat(summary.rows()).allSatisfy(r -> assertThat(r.total()).isEqualTo(BatchFixtures.sheet(fraction, false, Map.of()).total()));
        // the class list's variant goes to the grading (it stands in for a .env without a variant); none for a stranger
        assertThat(grader.requests).filteredOn(r -> r.folder().equals("petrov")).extracting(GradeRequest::rosterVariant)
                .containsExactly(StudentVariant.forId("petrov").code());
        assertThat(grader.requests).filteredOn(r -> r.folder().equals("stranger")).extracting(GradeRequest::rosterVariant)
                .containsOnlyNulls();
        String html = Files.readString(out.resolve(BatchHtml.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(html).contains("Похожие работы").contains("вывод wrk").contains("Баллы от этого не меняются")
                .contains("ivanov<br>petrov").contains("51 requests in 10.05s");
    }
}
