package ru.mpgu.lab.answers.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.mpgu.lab.answers.AnswerGrader;
import ru.mpgu.lab.answers.RunsClaim;
import ru.mpgu.lab.answers.Verdict;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Grades the labelled corpus (teacher/answers-corpus) with the claim grader and the legacy keyword grader and prints,
 * per half and question, the confusion matrix teacher × grader. Run by bench/answers-benchmark.sh; not a test.
 * Args: corpus dir, current rubric.yaml, legacy rubric.yaml, output JSON, [--trace id,id,...].
 */
public final class AnswersBenchmark {

    record Item(String id, int q, Verdict teacher, String why, String text, RunsClaim.Runs runs, String half) {
    }

    private static final Verdict[] V = Verdict.values();

    public static void main(String[] args) throws IOException {
        Path corpusDir = Path.of(args[0]);
        Rubric current = RubricLoader.load(Path.of(args[1]));
        Rubric legacyRubric = RubricLoader.load(Path.of(args[2]));
        Path out = Path.of(args[3]);
        List<String> trace = args.length > 5 && args[4].equals("--trace") ? List.of(args[5].split(",")) : List.of();

        List<Item> items = read(corpusDir);
        long t0 = System.nanoTime();
        AnswerGrader fresh = new AnswerGrader(current);
        fresh.grade(1, "прогрев");
        double startupMs = (System.nanoTime() - t0) / 1e6;
        ru.mpgu.lab.answers.legacy.AnswerGrader legacy = new ru.mpgu.lab.answers.legacy.AnswerGrader(legacyRubric);

        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("date", Instant.now().toString());
        // relative to the repository (the rubric's folder): the figures travel, this machine's paths do not
        Path repo = Path.of(args[1]).toAbsolutePath().getParent();
        json.put("corpus", repo.relativize(corpusDir.toAbsolutePath()).toString().replace('\\', '/'));
        json.put("items", items.size());
        json.put("grader_startup_ms", Math.round(startupMs));
        ObjectNode results = json.putObject("results");
        Map<String, Function<Item, CheckOutcome>> graders = new LinkedHashMap<>();
        graders.put("new", it -> fresh.grade(it.q(), it.text(), it.runs()));
        graders.put("old", it -> legacy.grade(it.q(), it.text()));
        ArrayNode disagreements = json.putArray("disagreements_new");
        for (var g : graders.entrySet()) {
            ObjectNode gj = results.putObject(g.getKey());
            for (String half : items.stream().map(Item::half).distinct().sorted(AnswersBenchmark::halfOrder).toList()) {
                ObjectNode hj = gj.putObject(half);
                int total = 0;
                int agree = 0;
                int wrongPassed = 0;
                int review = 0;
                System.out.printf(Locale.ROOT, "%n=== grader %s, half %s ===%n", g.getKey(), half);
                for (int q = 1; q <= 5; q++) {
                    int[][] m = new int[4][4];
                    for (Item it : items) {
                        if (it.q() != q || !it.half().equals(half)) {
                            continue;
                        }
                        CheckOutcome o = g.getValue().apply(it);
                        Verdict got = verdictOf(o);
                        m[it.teacher().ordinal()][got.ordinal()]++;
                        if (g.getKey().equals("new") && got != it.teacher()) {
                            ObjectNode d = disagreements.addObject();
                            d.put("id", it.id());
                            d.put("half", half);
                            d.put("teacher", it.teacher().name());
                            d.put("grader", got.name());
                            d.put("text", it.text());
                            d.put("message", o.message());
                        }
                    }
                    ObjectNode qj = hj.putObject("q" + q);
                    ArrayNode rows = qj.putArray("matrix_teacher_rows_grader_cols");
                    int qt = 0;
                    int qa = 0;
                    System.out.printf(Locale.ROOT, "Q%d  teacher\\grader  %8s %8s %8s %8s%n", q, "accept", "partial", "reject", "review");
                    for (Verdict tv : V) {
                        ArrayNode row = rows.addArray();
                        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-15s", tv.name().toLowerCase(Locale.ROOT)));
                        for (Verdict gv : V) {
                            int n = m[tv.ordinal()][gv.ordinal()];
                            row.add(n);
                            line.append(String.format(Locale.ROOT, " %8d", n));
                            qt += n;
                            if (tv == gv) {
                                qa += n;
                            }
                            if (tv == Verdict.REJECT && gv == Verdict.ACCEPT) {
                                wrongPassed += n;
                            }
                            if (gv == Verdict.REVIEW) {
                                review += n;
                            }
                        }
                        System.out.println(line);
                    }
                    qj.put("n", qt);
                    qj.put("agreement", ratio(qa, qt));
                    System.out.printf(Locale.ROOT, "    agreement %d/%d = %.1f%%%n", qa, qt, 100.0 * qa / Math.max(1, qt));
                    total += qt;
                    agree += qa;
                }
                hj.put("n", total);
                hj.put("agreement", ratio(agree, total));
                hj.put("wrong_passed", wrongPassed);
                hj.put("review_share", ratio(review, total));
                System.out.printf(Locale.ROOT, "TOTAL %s/%s: agreement %d/%d = %.1f%%, wrong answers passed (teacher reject, grader accept) %d, "
                        + "sent to review %d = %.1f%%%n", g.getKey(), half, agree, total, 100.0 * agree / total, wrongPassed, review, 100.0 * review / total);
            }
        }
        timing(json, fresh, items);
        for (String id : trace) {
            items.stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(it -> {
                CheckOutcome o = fresh.grade(it.q(), it.text(), it.runs());
                System.out.printf(Locale.ROOT, "%n--- trace %s (Q%d, teacher %s: %s)%n  answer: %s%n  verdict: %s (%s, %.2f)%n  %s%n", it.id(), it.q(),
                        it.teacher(), it.why(), it.text().replace("\n", " / "), verdictOf(o), o.status(), o.fraction(), o.message());
                o.details().forEach(d -> System.out.println("    " + d));
            });
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json), StandardCharsets.UTF_8);
        System.out.println("\nwritten " + out);
    }

    /** Grades the five answers of 100 reports (the corpus' answers, five per report), the answers step of report-only grading. */
    private static void timing(ObjectNode json, AnswerGrader grader, List<Item> items) {
        List<Item> pool = items.stream().filter(i -> !i.text().isEmpty()).toList();
        int reports = 100;
        long t0 = System.nanoTime();
        int graded = 0;
        for (int r = 0; r < reports; r++) {
            for (int q = 1; q <= 5; q++) {
                final int qq = q;
                List<Item> ofQ = pool.stream().filter(i -> i.q() == qq).toList();
                Item it = ofQ.get((r * 7 + q) % ofQ.size());
                grader.grade(q, it.text(), it.runs());
                graded++;
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        json.put("timing_reports", reports);
        json.put("timing_answers", graded);
        json.put("timing_ms_total", Math.round(ms));
        System.out.printf(Locale.ROOT, "%nwall time to grade the answers of %d reports (%d answers, warm grader): %.0f ms (%.2f ms per answer)%n",
                reports, graded, ms, ms / graded);
    }

    static Verdict verdictOf(CheckOutcome o) {
        return switch (o.status()) {
            case PASSED -> Verdict.ACCEPT;
            case PARTIAL -> Verdict.PARTIAL;
            case NEEDS_REVIEW -> Verdict.REVIEW;
            default -> Verdict.REJECT;
        };
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : Math.round(10000.0 * a / b) / 10000.0;
    }

    /** dev, then test, then any other set (non-answers.jsonl: written together with the rules it checks). */
    private static int halfOrder(String a, String b) {
        List<String> first = List.of("dev", "test");
        int ia = first.indexOf(a) < 0 ? first.size() : first.indexOf(a);
        int ib = first.indexOf(b) < 0 ? first.size() : first.indexOf(b);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    static List<Item> read(Path dir) throws IOException {
        List<Item> out = new ArrayList<>(read(dir.resolve("corpus.jsonl"), dir));
        Path nonAnswers = dir.resolve("non-answers.jsonl");
        if (Files.exists(nonAnswers)) {
            out.addAll(read(nonAnswers, dir));
        }
        return out;
    }

    private static List<Item> read(Path jsonl, Path dir) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = om.readTree(line);
            int q = n.get("q").asInt();
            String text;
            RunsClaim.Runs runs = RunsClaim.Runs.NONE;
            if (n.has("report")) {
                Path file = dir.resolve(n.get("report").asText());
                LabReport report = ReportParser.parse(Files.readAllBytes(file), file);
                text = report.answer(q);
                runs = AnswerGrader.runsOf(report);
            } else {
                text = n.get("text").asText();
                if (n.has("runs")) {
                    runs = new RunsClaim.Runs(n.get("runs").get("rps1").asDouble(), n.get("runs").get("rps2").asDouble());
                }
            }
            out.add(new Item(n.get("id").asText(), q, Verdict.valueOf(n.get("verdict").asText().toUpperCase(Locale.ROOT)),
                    n.get("why").asText(), text, runs, n.get("half").asText()));
        }
        return out;
    }
}
