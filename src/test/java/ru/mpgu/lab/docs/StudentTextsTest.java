package ru.mpgu.lab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

/**
 * What a student reads (the sheets, the report form, the rubric's hints, the grader's messages and the printed
 * методические указания): one name for one thing, every piece of jargon explained where it first appears, and no
 * answer of the key in the handout.
 */
class StudentTextsTest {

    /** The copies of {@code web} are «реплики»; «три контейнера web», «копия web», «экземпляр web» name them again. */
    static final Pattern OTHER_NAME_FOR_A_REPLICA = Pattern.compile("(?iu)(?:копи|экземпляр|контейнер|инстанс)\\p{L}*\\s+[`«]?(?:web|django)\\b"
            + "|(?<!\\p{L})(?:один|одного|одном|два|двух|три|трёх|трех|[123])\\s+(?:контейнер|копи|экземпляр)\\p{L}*"
            + "|django-(?:контейнер|копи|экземпляр)\\p{L}*");
    /** The lab text's own question and final statement keep their wording. */
    static final Pattern LAB_TEXT_WORDING = Pattern.compile("(?u)(?:увеличение|Увеличение)\\s+числа\\s+Django-контейнеров");
    /** Phrasings found wrong or machine-like in the language pass; they must not come back. */
    static final List<String> REJECTED_PHRASES = List.of("меряется", "зовут друг друга", "— самые медленные",
            "дать приложению нагрузку", "смотрит не туда", "дайте нагрузку");

    /** Jargon → how it is spelled in the text (lower case). */
    static final Map<String, String> JARGON = new LinkedHashMap<>();

    static {
        JARGON.put("реплика", "реплик");
        JARGON.put("балансировщик", "балансировщик");
        JARGON.put("воркер", "воркер");
        JARGON.put("gunicorn", "gunicorn");
        JARGON.put("профиль", "профил");
        JARGON.put("dashboard", "dashboard");
        JARGON.put("задержка", "задержк");
        JARGON.put("пропускная способность", "пропускн");
        JARGON.put("Requests/sec", "requests/sec");
        JARGON.put("перцентиль", "перцентил");
        JARGON.put("медиана", "медиан");
        JARGON.put("закон Литтла", "закон\\p{L}* литтла");
        JARGON.put("таймаут", "таймаут");
        JARGON.put("узкое место", "узк\\p{L}* мест");
        JARGON.put("масштабирование", "масштабир");
        JARGON.put("счётчик", "счётчик");
        JARGON.put("метка", "метк");
        JARGON.put("rate()", "rate\\(");
        JARGON.put("PromQL", "promql");
        JARGON.put("instance", "instance");
        JARGON.put("job", "(?<!\\p{L})job(?!\\p{L})");
        JARGON.put("лимит", "лимит");
        JARGON.put("healthy", "healthy");
        JARGON.put("healthcheck", "healthcheck");
        JARGON.put("upstream", "upstream");
        JARGON.put("least_conn", "least_conn");
        JARGON.put("кэш", "кэш");
    }

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STUDENT_LINE_OF_RUBRIC = Pattern.compile("^\\s*(?:-\\s*)?(?:title|hint|question|message)\\w*:");

    /** The task sheets in reading order. */
    static List<Path> sheets() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("tasks"))) {
            return s.filter(p -> p.getFileName().toString().matches("0\\d-.*\\.md")).sorted().toList();
        }
    }

    /** Every line a student reads, as «file:line» → text. */
    static Map<String, String> studentLines() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> texts = new ArrayList<>(sheets());
        texts.addAll(List.of(Path.of("tasks/README.md"), Path.of("report/REPORT.md"),
                Path.of("materials/metodichka-front.md"), Path.of("materials/metodichka-back.md")));
        for (Path p : texts) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                out.put(p + ":" + (i + 1), lines.get(i));
            }
        }
        List<String> rubric = Files.readAllLines(Path.of("rubric.yaml"), StandardCharsets.UTF_8);
        for (int i = 0; i < rubric.size(); i++) {
            if (STUDENT_LINE_OF_RUBRIC.matcher(rubric.get(i)).find()) {
                out.put("rubric.yaml:" + (i + 1), rubric.get(i));
            }
        }
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = JAVA_LITERAL.matcher(lines.get(i));
                    StringBuilder messages = new StringBuilder();
                    while (m.find()) {
                        if (!lines.get(i).substring(0, m.start()).endsWith("contains(")) { // a pattern the parser reads, not a message
                            messages.append(m.group(1)).append(' ');
                        }
                    }
                    if (!messages.isEmpty()) {
                        out.put(p + ":" + (i + 1), messages.toString());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theCopiesOfWebHaveOneName() throws IOException {
        List<String> found = new ArrayList<>();
        studentLines().forEach((where, line) -> {
            Matcher m = OTHER_NAME_FOR_A_REPLICA.matcher(LAB_TEXT_WORDING.matcher(line).replaceAll(""));
            while (m.find()) {
                found.add(where + ": «" + m.group() + "»");
            }
        });
        assertThat(found).as("«реплика web», as tasks/00 introduces it").isEmpty();
    }

    @Test
    void thePhrasingsTheLanguagePassRejectedStayOut() throws IOException {
        List<String> found = new ArrayList<>();
        List<Pattern> rejected = REJECTED_PHRASES.stream().map(p -> Pattern.compile("(?iu)(?<!\\p{L})" + Pattern.quote(p))).toList();
        studentLines().forEach((where, line) -> rejected.stream()
                .filter(p -> p.matcher(line).find()).forEach(p -> found.add(where + ": «" + p.pattern() + "»")));
        assertThat(found).isEmpty();
    }

    /**
     * In reading order, the section where a term first appears in running text (or the section right after it, for a
     * sheet whose goal names what its «Новые слова» explain) defines it: in bold, followed by «—», «(», «значит» or
     * «это», or glossed in parentheses after the Russian words.
     */
    @Test
    void everyPieceOfJargonIsExplainedWhereItFirstAppears() throws IOException {
        List<String> unexplained = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Map.Entry<String, String> term : JARGON.entrySet()) {
            String stem = term.getValue();
            Pattern appears = Pattern.compile("(?iu)" + stem);
            Pattern defined = Pattern.compile("(?iu)\\*\\*" + stem
                    + "|" + stem + "[\\p{L}()]*`?\\*{0,2}\\s*(?:\\(|—|–|«|значит|это|называ)"
                    + "|(?:—|называ\\p{L}*|\\([^)]*)\\s*\\**`?" + stem);
            String where = firstSectionWith(appears);
            if (where == null) {
                continue; // not in the sheets: nothing to explain
            }
            present.add(term.getKey());
            String text = where.substring(where.indexOf('\n') + 1);
            if (!defined.matcher(text.replaceAll("\\s+", " ")).find()) {
                unexplained.add(term.getKey() + " — " + where.substring(0, where.indexOf('\n')));
            }
        }
        assertThat(present).as("the glossary is about the sheets").hasSizeGreaterThan(20);
        assertThat(unexplained).isEmpty();
    }

    /** «file: heading\n» + that section and the next one, for the first section whose body matches. */
    private static String firstSectionWith(Pattern appears) throws IOException {
        for (Path sheet : sheets()) {
            List<List<String>> sections = sections(Files.readAllLines(sheet, StandardCharsets.UTF_8));
            for (int k = 0; k < sections.size(); k++) {
                List<String> body = sections.get(k).stream().filter(l -> !l.startsWith("#")).toList();
                if (appears.matcher(String.join("\n", body)).find()) {
                    StringBuilder text = new StringBuilder(sheet + ": " + sections.get(k).get(0) + "\n");
                    body.forEach(l -> text.append(l).append('\n'));
                    if (k + 1 < sections.size()) {
                        sections.get(k + 1).stream().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
                    }
                    return text.toString();
                }
            }
        }
        return null;
    }

    /** Lines split at Markdown headings outside code fences; each section starts with its heading. */
    private static List<List<String>> sections(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>(List.of("(начало)"));
        boolean fence = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fence = !fence;
            }
            if (!fence && line.startsWith("#")) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(line);
        }
        out.add(current);
        return out;
    }

    /**
     * The методические указания are handed to students: no paragraph of theirs, pasted as answer 4, 5 or the «Вывод»,
     * passes the teacher's key. Those are what the student finds out on the stand (where the bottleneck goes); the queue
     * and the throughput ceiling of answers 1–3 are what the introduction teaches, and their keys credit a single noun
     * («очередь», «пропускную»), so any text about the lab names them. The teacher guide's model answers are the
     * control: the same check must find them.
     */
    @Test
    void theStudentHandoutStatesNoAnswerOfTheKey() throws IOException {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yaml"));
        AnswerGrader grader = new AnswerGrader(rubric);
        List<Integer> questions = List.of(4, 5, 6);
        assertThat(answersStated(grader, questions, Path.of("tasks/teacher-guide.md")))
                .as("the control: the teacher guide's model answers").anyMatch(a -> a.startsWith("ответ 5"));
        List<String> found = new ArrayList<>();
        for (String part : List.of("materials/metodichka-front.md", "materials/metodichka-back.md")) {
            answersStated(grader, questions, Path.of(part)).forEach(a -> found.add(part + ": " + a));
        }
        assertThat(found).isEmpty();
    }

    private static List<String> answersStated(AnswerGrader grader, List<Integer> questions, Path source) throws IOException {
        List<String> found = new ArrayList<>();
        for (String paragraph : Files.readString(source, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
            String text = paragraph.replaceAll("[>*`#|]", " ").replaceAll("\\s+", " ").strip();
            for (int q : questions) {
                if (!text.isEmpty() && grader.grade(q, text).status() == CheckStatus.PASSED) {
                    found.add("ответ " + q + ": «" + text + "»");
                }
            }
        }
        return found;
    }
}
