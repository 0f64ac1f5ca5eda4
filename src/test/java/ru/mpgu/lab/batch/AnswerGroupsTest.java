package ru.mpgu.lab.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.scoring.ScoreOverride;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerGroupsTest {

    private static final Rubric RUBRIC = RubricLoader.load(Path.of("rubric.yaml"));

    @TempDir
    Path tmp;

    private Path repo(String name, String answer5) throws IOException {
        String template = Files.readString(Path.of("report/REPORT.md"), StandardCharsets.UTF_8);
        String[] parts = template.split("_впишите ответ_", -1);
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int q = 1; q <= 4; q++) {
            sb.append(q == 1 ? "Запросов мало, очереди нет." : "_впишите ответ_").append(parts[q]);
        }
        sb.append(answer5).append(parts[5]);
        Path repo = tmp.resolve("subs").resolve(name);
        Files.createDirectories(repo.resolve("report"));
        Files.writeString(repo.resolve("report/REPORT.md"), sb.toString(), StandardCharsets.UTF_8);
        return repo;
    }

    @Test
    void similarAnswersShareAGroupAndTheTeachersVerdictBecomesOverridesAndExemplars() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<Path> repos = List.of(
                repo("ivanov", "База данных одна, и она становится узким местом."),
                repo("petrov", "База данных одна и становится узким местом системы."),
                repo("sidorov", "Узким местом становится nginx."));
        AnswerGroups groups = new AnswerGroups(RUBRIC);
        List<AnswerGroups.Group> written = groups.write(out, repos);
        List<AnswerGroups.Group> q5 = written.stream().filter(g -> g.question() == 5).toList();
        assertThat(q5).hasSize(2);
        assertThat(q5.get(0).students()).containsExactly("ivanov", "petrov");
        assertThat(q5.get(1).students()).containsExactly("sidorov");
        assertThat(groups.overrides(out)).isEmpty();

        // the teacher decides the first group once: reject (say, the class was told to quote numbers)
        Path file = out.resolve(AnswerGroups.FILE_NAME);
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        int at = yaml.indexOf("group: q5-g01");
        String decided = yaml.substring(0, at) + yaml.substring(at).replaceFirst("verdict: \"\"", "verdict: partial");
        assertThat(decided).isNotEqualTo(yaml);
        Files.writeString(file, decided, StandardCharsets.UTF_8);
        Map<String, Map<String, ScoreOverride>> o = groups.overrides(out);
        assertThat(o).containsOnlyKeys("ivanov", "petrov");
        assertThat(o.get("ivanov").get("explanation.answer5").points()).isEqualTo(0.5); // half of answer 5's 1 point
        assertThat(Files.readString(out.resolve(AnswerGroups.EXEMPLARS))).contains("q5-g01").contains("partial");

        // next term: a new answer close to the exemplar takes its verdict, naming it
        Path out2 = Files.createDirectories(tmp.resolve("out2"));
        Files.copy(out.resolve(AnswerGroups.EXEMPLARS), out2.resolve(AnswerGroups.EXEMPLARS));
        List<AnswerGroups.Group> again = groups.write(out2, List.of(repo("kuznetsov", "База данных одна, и она становится узким местом!")));
        AnswerGroups.Group g = again.stream().filter(x -> x.question() == 5).findFirst().orElseThrow();
        assertThat(g.verdict()).isEqualTo("partial");
        assertThat(g.exemplar()).isEqualTo("q5-g01");
        assertThat(groups.overrides(out2).get("kuznetsov").get("explanation.answer5").comment()).contains("образце").contains("q5-g01");
    }

    @Test
    void unknownVerdictIsAClearError() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(out.resolve(AnswerGroups.FILE_NAME), "- {group: q5-g01, question: 5, example: x, verdict: maybe, students: [a]}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AnswerGroups(RUBRIC).overrides(out))
                .hasMessageContaining("q5-g01").hasMessageContaining("accept, partial, reject");
    }
}
