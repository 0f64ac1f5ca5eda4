package ru.mpgu.lab.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.answers.AnswerSimilarity;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.scoring.ExemplarMatch;
import ru.mpgu.lab.scoring.ExemplarMatch.TeacherVerdict;
import ru.mpgu.lab.scoring.ScoreOverride;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answer groups, as Gradescope has them: similar answers to one question are grouped across the class, the teacher
 * writes one verdict per group in {@value #FILE_NAME}, and the next batch run applies it to every member as an
 * override. Groups the teacher decided are kept in {@value #EXEMPLARS} as labelled exemplars; a later answer close
 * enough to an exemplar takes its verdict, and the override's comment names the exemplar.
 */
public final class AnswerGroups {

    public static final String FILE_NAME = "answer-groups.yaml";
    public static final String EXEMPLARS = "answer-exemplars.json";
    /** Jaccard similarity of content lemmas from which two answers share a group. */
    static final double GROUP_AT = 0.6;
    /** Closer than this to a teacher's exemplar: the exemplar's verdict applies. */
    static final double EXEMPLAR_AT = 0.8;

    /** One answer of one student. */
    record Answer(String student, int question, String text, String graderVerdict) {
    }

    /**
     * A group: its members and, once the teacher filled it, a verdict (accept, partial, reject).
     *
     * @param exemplar   the teacher's exemplar the verdict was taken from, empty when none
     * @param similarity the example's similarity to that exemplar (0 without one)
     */
    record Group(String id, int question, String example, String graderVerdict, String verdict, String comment,
                 String exemplar, double similarity, List<String> students) {
    }

    /** A nearest exemplar and how close it is. */
    private record Near(Group exemplar, double similarity) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rubric rubric;
    private final AnswerSimilarity similarity = new AnswerSimilarity();

    public AnswerGroups(Rubric rubric) {
        this.rubric = rubric;
    }

    /** Reads every student's answers, groups them per question and writes {@value #FILE_NAME}, keeping verdicts already given. */
    public List<Group> write(Path outDir, List<Path> repos) throws IOException {
        AnswerGrader grader = new AnswerGrader(rubric);
        List<Answer> answers = new ArrayList<>();
        for (Path repo : repos) {
            LabReport report = ReportParser.parse(repo.resolve(ReportParser.DEFAULT_PATH));
            if (!report.readable()) {
                continue;
            }
            for (int q : questions()) {
                String text = report.answer(q);
                if (!text.isBlank()) {
                    CheckOutcome o = grader.grade(q, text, AnswerGrader.runsOf(report));
                    answers.add(new Answer(repo.getFileName().toString(), q, text, o.status().name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        List<Group> previous = read(outDir);
        List<Group> exemplars = exemplars(outDir);
        List<Group> groups = group(answers, previous, exemplars);
        ArrayNode root = YAML.createArrayNode();
        for (Group g : groups) {
            ObjectNode n = root.addObject();
            n.put("group", g.id());
            n.put("question", g.question());
            n.put("example", g.example());
            n.put("grader", g.graderVerdict());
            n.put("verdict", g.verdict());
            n.put("comment", g.comment());
            if (!g.exemplar().isEmpty()) {
                n.put("exemplar", g.exemplar());
                n.put("similarity", Math.round(g.similarity() * 100) / 100.0);
            }
            ArrayNode s = n.putArray("students");
            g.students().forEach(s::add);
        }
        String header = "# Группы похожих ответов. Впишите verdict один раз на группу: accept (полный балл), partial (половина),\n"
                + "# reject (0) - и запустите bin/lab batch ещё раз: решение станет ручной оценкой каждого студента группы\n"
                + "# и образцом для следующих ответов (" + EXEMPLARS + "). Пустой verdict - решает программа.\n";
        Files.writeString(outDir.resolve(FILE_NAME), header + YAML.writeValueAsString(root), StandardCharsets.UTF_8);
        return groups;
    }

    List<Group> group(List<Answer> answers, List<Group> previous, List<Group> exemplars) {
        Map<Integer, List<List<Answer>>> byQuestion = new LinkedHashMap<>();
        for (Answer a : answers) {
            List<List<Answer>> clusters = byQuestion.computeIfAbsent(a.question(), q -> new ArrayList<>());
            Set<String> sig = similarity.signature(a.text());
            List<Answer> home = null;
            for (List<Answer> c : clusters) {
                if (c.get(0).graderVerdict().equals(a.graderVerdict())
                        && AnswerSimilarity.jaccard(similarity.signature(c.get(0).text()), sig) >= GROUP_AT) {
                    home = c;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(a);
        }
        List<Group> out = new ArrayList<>();
        for (var e : byQuestion.entrySet()) {
            int n = 0;
            for (List<Answer> c : e.getValue()) {
                Answer first = c.get(0);
                String id = String.format(Locale.ROOT, "q%d-g%02d", e.getKey(), ++n);
                List<String> students = c.stream().map(Answer::student).toList();
                String verdict = "";
                String comment = "";
                String exemplar = "";
                double similarityToExemplar = 0;
                // a verdict the teacher already gave to a group with the same members' answer stays
                for (Group p : previous) {
                    if (p.question() == first.question() && !p.verdict().isEmpty() && p.example().equals(first.text())) {
                        verdict = p.verdict();
                        comment = p.comment();
                    }
                }
                if (verdict.isEmpty()) {
                    Near near = nearest(exemplars, first);
                    if (near != null) {
                        verdict = near.exemplar().verdict();
                        exemplar = near.exemplar().id();
                        similarityToExemplar = near.similarity();
                        comment = "как в образце преподавателя " + exemplar + ": «" + near.exemplar().example() + "»";
                    }
                }
                out.add(new Group(id, first.question(), first.text(), first.graderVerdict(), verdict, comment, exemplar,
                        similarityToExemplar, students));
            }
        }
        return out;
    }

    private Near nearest(List<Group> exemplars, Answer a) {
        Group best = null;
        double bestSim = EXEMPLAR_AT;
        Set<String> sig = similarity.signature(a.text());
        for (Group x : exemplars) {
            if (x.question() != a.question()) {
                continue;
            }
            double s = AnswerSimilarity.jaccard(similarity.signature(x.example()), sig);
            if (s >= bestSim) {
                best = x;
                bestSim = s;
            }
        }
        return best == null ? null : new Near(best, bestSim);
    }

    /** Overrides from the teacher's verdicts in {@value #FILE_NAME}: student → check id → points; keeps them as exemplars. */
    public Map<String, Map<String, ScoreOverride>> overrides(Path outDir) throws IOException {
        Map<String, Map<String, ScoreOverride>> out = new LinkedHashMap<>();
        List<Group> decided = new ArrayList<>(exemplars(outDir));
        for (Group g : read(outDir)) {
            if (g.verdict().isEmpty()) {
                continue;
            }
            Check check = rubric.answerCheck(g.question()).orElse(null);
            if (check == null) {
                continue;
            }
            TeacherVerdict verdict = TeacherVerdict.parse(g.verdict());
            if (verdict == null) {
                throw new IOException(FILE_NAME + ", группа " + g.id() + ": verdict «" + g.verdict()
                        + "» - допустимы accept, partial, reject");
            }
            double points = switch (verdict) {
                case ACCEPT -> check.points();
                case PARTIAL -> check.points() / 2;
                case REJECT -> 0;
            };
            String comment = g.comment().isEmpty() ? "решение преподавателя по группе ответов " + g.id() : g.comment();
            ExemplarMatch source = exemplarOf(g, verdict, decided);
            for (String s : g.students()) {
                out.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(check.id(), new ScoreOverride(points, comment, source));
            }
            if (g.exemplar().isEmpty() && decided.stream().noneMatch(d -> d.example().equals(g.example()))) {
                decided.add(g);
            }
        }
        ArrayNode arr = JSON.createArrayNode();
        for (Group d : decided) {
            ObjectNode n = arr.addObject();
            n.put("id", d.id());
            n.put("question", d.question());
            n.put("example", d.example());
            n.put("verdict", d.verdict());
            n.put("comment", d.comment());
        }
        if (!decided.isEmpty()) {
            Files.writeString(outDir.resolve(EXEMPLARS), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr), StandardCharsets.UTF_8);
        }
        return out;
    }

    private static List<Group> read(Path outDir) throws IOException {
        Path f = outDir.resolve(FILE_NAME);
        List<Group> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        JsonNode root = YAML.readTree(Files.readString(f, StandardCharsets.UTF_8));
        if (root == null || !root.isArray()) {
            return out;
        }
        for (JsonNode n : root) {
            List<String> students = new ArrayList<>();
            n.path("students").forEach(s -> students.add(s.asText()));
            out.add(new Group(n.path("group").asText(), n.path("question").asInt(), n.path("example").asText(), n.path("grader").asText(),
                    n.path("verdict").asText("").trim().toLowerCase(Locale.ROOT), n.path("comment").asText(""),
                    n.path("exemplar").asText(""), n.path("similarity").asDouble(0), students));
        }
        return out;
    }

    private static List<Group> exemplars(Path outDir) throws IOException {
        Path f = outDir.resolve(EXEMPLARS);
        List<Group> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        for (JsonNode n : JSON.readTree(Files.readString(f, StandardCharsets.UTF_8))) {
            out.add(new Group(n.path("id").asText(), n.path("question").asInt(), n.path("example").asText(), "",
                    n.path("verdict").asText(), n.path("comment").asText(""), "", 0, List.of()));
        }
        return out;
    }

    /**
     * The exemplar a group's verdict came from, or null when the teacher decided this group (no exemplar, or a verdict
     * changed by hand from the exemplar's).
     */
    private static ExemplarMatch exemplarOf(Group g, TeacherVerdict verdict, List<Group> decided) {
        if (g.exemplar().isEmpty()) {
            return null;
        }
        for (Group d : decided) {
            if (d.id().equals(g.exemplar()) && d.question() == g.question() && verdict == TeacherVerdict.parse(d.verdict())) {
                return new ExemplarMatch(g.id(), d.id(), d.example(), g.similarity(), verdict, d.comment());
            }
        }
        return null;
    }

    private int[] questions() {
        return rubric.allChecks().filter(c -> c.answer() != null).mapToInt(c -> c.answer().number()).toArray();
    }
}
