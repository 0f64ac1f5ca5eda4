package ru.mpgu.lab.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.grading.Overrides;
import ru.mpgu.lab.output.GradescopeResults;
import ru.mpgu.lab.output.MarkdownReport;
import ru.mpgu.lab.output.RunMetadata;
import ru.mpgu.lab.output.ScoreSheetJson;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.ExemplarMatch;
import ru.mpgu.lab.scoring.ExemplarMatch.TeacherVerdict;
import ru.mpgu.lab.scoring.ScoreOverride;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.scoring.Scorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A verdict taken from a teacher's exemplar travels as a typed {@link ExemplarMatch} from the answer groups, through
 * the student's overrides file, to report.md, report.html, sheet.json and results.json.
 */
class ExemplarOverrideTest {

    private static final Rubric RUBRIC = RubricLoader.load(Path.of("rubric.yaml"));
    private static final String EXEMPLAR_TEXT = "База данных одна на все реплики, и она становится узким местом: "
            + "процессор контейнера db занят почти на весь свой лимит, пока реплики web ждут ответа от неё, "
            + "поэтому добавление новых реплик web почти ничего не даёт.";

    @TempDir
    Path tmp;

    private Path repo(Path subs, String name, String answer5) throws IOException {
        String template = Files.readString(Path.of("report/REPORT.md"), StandardCharsets.UTF_8);
        String[] parts = template.split("_впишите ответ_", -1);
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int q = 1; q <= 4; q++) {
            sb.append("_впишите ответ_").append(parts[q]);
        }
        sb.append(answer5).append(parts[5]);
        Path repo = subs.resolve(name);
        Files.createDirectories(repo.resolve("report"));
        Files.writeString(repo.resolve("report/REPORT.md"), sb.toString(), StandardCharsets.UTF_8);
        return repo;
    }

    /** Last term: the teacher decides a group with a comment; this term: a close answer takes that verdict. */
    private Map<String, ScoreOverride> exemplarOverrides() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("term1"));
        AnswerGroups groups = new AnswerGroups(RUBRIC);
        groups.write(out, List.of(repo(tmp.resolve("subs1"), "ivanov", EXEMPLAR_TEXT)));
        Path file = out.resolve(AnswerGroups.FILE_NAME);
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        int at = yaml.indexOf("group: q5-g01");
        Files.writeString(file, yaml.substring(0, at) + yaml.substring(at).replaceFirst("verdict: \"\"", "verdict: partial")
                .replaceFirst("comment: \"\"", "comment: нет чисел из docker stats"), StandardCharsets.UTF_8);
        groups.overrides(out);

        Path out2 = Files.createDirectories(tmp.resolve("term2"));
        Files.copy(out.resolve(AnswerGroups.EXEMPLARS), out2.resolve(AnswerGroups.EXEMPLARS));
        Path subs2 = tmp.resolve("subs2");
        repo(subs2, "aaa-other", "Узким местом становится nginx, он не успевает.");
        groups.write(out2, List.of(subs2.resolve("aaa-other"), repo(subs2, "kuznetsov", EXEMPLAR_TEXT.replace("почти ничего", "мало"))));
        return groups.overrides(out2).get("kuznetsov");
    }

    @Test
    void theExemplarIsATypedFieldOfTheOverride() throws IOException {
        ScoreOverride o = exemplarOverrides().get("explanation.answer5");
        assertThat(o.points()).isEqualTo(0.5);
        ExemplarMatch e = o.exemplar();
        assertThat(e).isNotNull();
        assertThat(e.exemplar()).isEqualTo("q5-g01");
        assertThat(e.group()).isEqualTo("q5-g02"); // nginx's answer took g01 in this term
        assertThat(e.text()).isEqualTo(EXEMPLAR_TEXT);
        assertThat(e.similarity()).isBetween(AnswerGroups.EXEMPLAR_AT, 1.0);
        assertThat(e.verdict()).isEqualTo(TeacherVerdict.PARTIAL);
        assertThat(e.teacherComment()).isEqualTo("нет чисел из docker stats");
    }

    @Test
    void aVerdictTheTeacherGaveTheGroupItselfNamesNoExemplar() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("own"));
        AnswerGroups groups = new AnswerGroups(RUBRIC);
        groups.write(out, List.of(repo(tmp.resolve("s"), "ivanov", EXEMPLAR_TEXT)));
        Path file = out.resolve(AnswerGroups.FILE_NAME);
        Files.writeString(file, Files.readString(file).replaceFirst("verdict: \"\"", "verdict: accept"));
        assertThat(groups.overrides(out).get("ivanov").get("explanation.answer5").exemplar()).isNull();
    }

    @Test
    void theStudentsReportSheetAndResultsNameTheExemplar() throws IOException {
        Map<String, ScoreOverride> section = exemplarOverrides();
        // the batch hands the section to the student's grading as a file; the grading reads it back
        Path file = BatchOverrides.writeSection(section, tmp.resolve("overrides.yaml"));
        Map<String, ScoreOverride> read = Overrides.read(file);
        assertThat(read).isEqualTo(section);

        List<CheckOutcome> outcomes = new ArrayList<>();
        RUBRIC.allChecks().forEach(c -> outcomes.add(CheckOutcome.passed(c.id(), "ok")));
        ScoreSheet sheet = Scorer.score(RUBRIC, outcomes, read);
        RunMetadata meta = new RunMetadata(tmp, Instant.EPOCH, Instant.EPOCH.plusSeconds(5), Map.of(), List.of());
        ExemplarMatch e = section.get("explanation.answer5").exemplar();
        String percent = Math.round(e.similarity() * 100) + " %";
        String quoted = e.shortText();
        assertThat(quoted).endsWith("…").hasSizeLessThanOrEqualTo(ExemplarMatch.SHORT_CHARS + 1);
        assertThat(EXEMPLAR_TEXT).startsWith(quoted.substring(0, quoted.length() - 1));

        String md = MarkdownReport.render(sheet, meta);
        String row = md.lines().filter(l -> l.startsWith("| Ответ на аналитический вопрос 5")).findFirst().orElseThrow();
        assertThat(row).contains("образца преподавателя q5-g01").contains("в группе q5-g02").contains(percent)
                .contains("«" + quoted + "»").contains("зачтено наполовину").contains("«нет чисел из docker stats»")
                .contains("0,5 из 1");

        String html = ReportHtml.render("kuznetsov", md, "../index.html");
        assertThat(html).contains("q5-g01").contains(percent).contains("зачтено наполовину");

        Path dir = Files.createDirectories(tmp.resolve("report"));
        ScoreSheet back = ScoreSheetJson.read(ScoreSheetJson.write(dir, sheet));
        CheckLine line = back.criteria().stream().flatMap(c -> c.checks().stream())
                .filter(l -> l.checkId().equals("explanation.answer5")).findFirst().orElseThrow();
        assertThat(line.override().exemplar()).isEqualTo(e);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(ScoreSheetJson.FILE_NAME).toFile());
        JsonNode ex = json.findValue("exemplar");
        assertThat(ex.path("exemplar").asText()).isEqualTo("q5-g01");
        assertThat(ex.path("verdict").asText()).isEqualTo("PARTIAL");
        assertThat(ex.path("similarity").asDouble()).isCloseTo(e.similarity(), within(1e-9));

        JsonNode results = new ObjectMapper().readTree(GradescopeResults.render(sheet, meta));
        JsonNode test = null;
        for (JsonNode t : results.get("tests")) {
            if (t.path("name").asText().contains("вопрос 5")) {
                test = t;
            }
        }
        assertThat(test).isNotNull();
        assertThat(test.get("output").asText()).contains("q5-g01").contains(percent).contains("зачтено наполовину");
    }
}
