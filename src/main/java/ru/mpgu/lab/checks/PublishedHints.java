package ru.mpgu.lab.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;

/**
 * Teacher side: texts that students have seen (the hints an older self-check printed) are not their answers.
 * An answer that mostly repeats one of them gets no automatic credit and goes to the teacher.
 * The texts live in the teacher's kit ({@value #FILE} next to the private rubric), never in the student template.
 */
final class PublishedHints {

    static final String FILE = "teacher/published-hints.txt";
    /** Share of the answer's word triples found in one published text from which it counts as pasted. */
    static final double PASTED_SHARE = 0.5;

    private PublishedHints() {
    }

    static CheckOutcome screen(Rubric rubric, Check check, String answer, CheckOutcome graded) {
        if (graded.fraction() == 0 || graded.status() == CheckStatus.FAILED) {
            return graded;
        }
        List<String> words = AnswerForm.words(answer);
        Set<String> triples = triples(words);
        if (triples.isEmpty()) {
            return graded;
        }
        for (String text : texts(rubric)) {
            Set<String> published = triples(AnswerForm.words(text));
            long shared = triples.stream().filter(published::contains).count();
            if (shared >= PASTED_SHARE * triples.size()) {
                return new CheckOutcome(check.id(), CheckStatus.NEEDS_REVIEW, 0, String.format(
                        "ответ на %.0f %% повторяет текст подсказки, которую видели студенты («%s»): автоматически не засчитан, оценит преподаватель",
                        100.0 * shared / triples.size(), abbreviate(text)), graded.details());
            }
        }
        return graded;
    }

    static List<String> texts(Rubric rubric) {
        Path source = rubric.source() == null ? null : rubric.source().toAbsolutePath().getParent();
        if (source == null) {
            return List.of();
        }
        Path file = source.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (String block : Files.readString(file).split("\\n\\s*\\n")) {
                String text = block.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + " " + b).trim();
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Set<String> triples(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
        }
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
