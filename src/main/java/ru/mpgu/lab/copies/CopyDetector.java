package ru.mpgu.lab.copies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportParser;
import ru.mpgu.lab.report.ScreenshotRef;
import ru.mpgu.lab.variant.ScreenshotCode;

/**
 * Pairs of submissions in a class that share a screenshot (dHash within {@link #MAX_IMAGE_BITS} bits), a wrk output
 * (the same figures) or an answer (word 3-grams, Jaccard ≥ {@link #MIN_ANSWER_SIMILARITY}). Only the template's
 * placeholders and empty fields are ignored: what is left is for the teacher to judge.
 */
public final class CopyDetector {

    /** dHash bits that may differ: rescaled or recompressed copies stay within it, different pages do not (CopyDetectorTest). */
    public static final int MAX_IMAGE_BITS = 6;
    public static final double MIN_ANSWER_SIMILARITY = 0.8;
    /** Shorter answers («да», «база данных») coincide honestly. */
    static final int MIN_ANSWER_WORDS = 12;

    /** One submission as the detector sees it. */
    public record Submission(String folder, Path repo, LabReport report) {
    }

    private CopyDetector() {
    }

    public static List<Submission> read(Path submissions, List<String> folders) {
        List<Submission> out = new ArrayList<>();
        for (String f : folders) {
            Path repo = submissions.resolve(f);
            if (Files.isDirectory(repo)) {
                out.add(new Submission(f, repo, ReportParser.parse(repo.resolve(ReportParser.DEFAULT_PATH))));
            }
        }
        return out;
    }

    public static List<CopyPair> find(List<Submission> subs) {
        List<CopyPair> pairs = new ArrayList<>();
        Map<String, Map<String, Long>> hashes = new LinkedHashMap<>();
        for (Submission s : subs) {
            Map<String, Long> h = new LinkedHashMap<>();
            for (ScreenshotRef ref : List.of(s.report().ordersScreenshot(), s.report().grafanaScreenshot())) {
                Path file = ru.mpgu.lab.report.ScreenshotInspector.resolve(s.repo(), ref.path());
                Long hash = file == null ? null : ImageHash.dHash(file);
                if (hash != null) {
                    h.put(s.repo().relativize(file).toString().replace('\\', '/'), hash);
                }
            }
            hashes.put(s.folder(), h);
        }
        for (int i = 0; i < subs.size(); i++) {
            for (int j = i + 1; j < subs.size(); j++) {
                Submission a = subs.get(i);
                Submission b = subs.get(j);
                screenshots(a, b, hashes.get(a.folder()), hashes.get(b.folder()), pairs);
                wrk(a, b, pairs);
                answers(a, b, pairs);
            }
        }
        return pairs;
    }

    private static void screenshots(Submission a, Submission b, Map<String, Long> ha, Map<String, Long> hb, List<CopyPair> out) {
        for (Map.Entry<String, Long> x : ha.entrySet()) {
            for (Map.Entry<String, Long> y : hb.entrySet()) {
                int d = ImageHash.distance(x.getValue(), y.getValue());
                if (d <= MAX_IMAGE_BITS && !differentStands(a.repo().resolve(x.getKey()), b.repo().resolve(y.getKey()))) {
                    out.add(new CopyPair(CopyPair.Kind.SCREENSHOT, a.folder(), b.folder(), 1 - d / 64.0,
                            (d == 0 ? "одинаковые картинки" : "почти одинаковые картинки") + " (dHash: отличается " + d + " бит из 64)",
                            a.folder() + "/" + x.getKey(), b.folder() + "/" + y.getKey()));
                }
            }
        }
    }

    /**
     * Two honest /orders screenshots from the same browser look alike to any perceptual hash (the page is the same
     * table); different variant codes read off them by OCR show they are two stands. Identical files never are.
     */
    static boolean differentStands(Path first, Path second) {
        try {
            if (Files.mismatch(first, second) == -1) {
                return false;
            }
        } catch (java.io.IOException e) {
            return false;
        }
        List<String> c1 = CODES.computeIfAbsent(first, ScreenshotCode::codesOn);
        List<String> c2 = CODES.computeIfAbsent(second, ScreenshotCode::codesOn);
        return !c1.isEmpty() && !c2.isEmpty() && c1.stream().noneMatch(c2::contains);
    }

    private static final Map<Path, List<String>> CODES = new java.util.concurrent.ConcurrentHashMap<>();

    private static void wrk(Submission a, Submission b, List<CopyPair> out) {
        List<String> wa = List.of(a.report().wrkOutput1Replica(), a.report().wrkOutput3Replicas());
        List<String> wb = List.of(b.report().wrkOutput1Replica(), b.report().wrkOutput3Replicas());
        String[] names = {"прогон 1", "прогон 2"};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                String x = figures(wa.get(i));
                if (x.length() > 40 && x.equals(figures(wb.get(j)))) {
                    out.add(new CopyPair(CopyPair.Kind.WRK_OUTPUT, a.folder(), b.folder(), 1.0,
                            "одинаковые числа в выводе wrk (" + names[i] + " / " + names[j] + ")", wa.get(i).strip(), wb.get(j).strip()));
                }
            }
        }
    }

    /** The numbers of a wrk output in order: a copy with other spacing, a prompt or another URL is still a copy. */
    static String figures(String wrkOutput) {
        if (wrkOutput == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : wrkOutput.split("\\R")) {
            if (line.contains("test @")) {
                continue; // the URL differs by port and host between copies
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?[a-zA-Z%]*").matcher(line);
            while (m.find()) {
                sb.append(m.group()).append(' ');
            }
        }
        return sb.toString().strip();
    }

    private static void answers(Submission a, Submission b, List<CopyPair> out) {
        for (int q = 1; q <= 5; q++) {
            String x = a.report().answer(q);
            String y = b.report().answer(q);
            Set<String> sx = shingles(x);
            Set<String> sy = shingles(y);
            if (sx.isEmpty() || sy.isEmpty() || words(x).size() < MIN_ANSWER_WORDS || words(y).size() < MIN_ANSWER_WORDS) {
                continue;
            }
            Set<String> both = new HashSet<>(sx);
            both.retainAll(sy);
            Set<String> any = new HashSet<>(sx);
            any.addAll(sy);
            double jaccard = (double) both.size() / any.size();
            if (jaccard >= MIN_ANSWER_SIMILARITY) {
                out.add(new CopyPair(CopyPair.Kind.ANSWER, a.folder(), b.folder(), jaccard,
                        String.format(Locale.ROOT, "ответ на вопрос %d: совпадает %.0f %% сочетаний из трёх слов", q, jaccard * 100),
                        x.strip(), y.strip()));
            }
        }
    }

    static List<String> words(String text) {
        List<String> w = new ArrayList<>();
        for (String t : (text == null ? "" : text).toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+")) {
            if (!t.isBlank()) {
                w.add(t);
            }
        }
        return w;
    }

    static Set<String> shingles(String text) {
        List<String> w = words(text);
        Set<String> s = new HashSet<>();
        for (int i = 0; i + 2 < w.size(); i++) {
            s.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
        }
        return s;
    }
}
