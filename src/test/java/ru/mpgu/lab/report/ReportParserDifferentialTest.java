package ru.mpgu.lab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commonmark parser against the line-based one on sloppy variants of every corpus report: lines deleted,
 * repeated, swapped, indented by up to three spaces, blank lines added, fences swapped for tildes. None of these
 * makes a construct only the tree reads (a fence in a quote or deep in a list item; such variants are skipped),
 * so the results must agree.
 */
class ReportParserDifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fence in a quote, after a list marker or indented four spaces: only the tree reads it, on purpose. */
    private static final Pattern TREE_ONLY_FENCE = Pattern.compile("(?m)^(?:\\s{4,}|\\s*>.*|\\s*(?:[-*+]|\\d+[.)])\\s+)(?:```|~~~)");
    private static final int VARIANTS_PER_REPORT = 6;

    @Test
    void sloppyVariantsParseAsBefore() throws Exception {
        Random random = new Random(11);
        int compared = 0;
        long nanosNow = 0;
        long nanosBefore = 0;
        List<String> differing = new ArrayList<>();
        for (Path input : ReportParserSnapshotTest.corpus()) {
            String text = ReportDecoder.decode(Files.readAllBytes(input)).text().replace("\r\n", "\n");
            for (int v = 0; v < VARIANTS_PER_REPORT; v++) {
                String variant = mutate(text, random);
                if (TREE_ONLY_FENCE.matcher(variant).find()) {
                    continue;
                }
                long t0 = System.nanoTime();
                String now = JSON.writeValueAsString(ReportParser.parseText(variant, null));
                long t1 = System.nanoTime();
                String before = JSON.writeValueAsString(LegacyReportParser.parseText(variant, null));
                nanosNow += t1 - t0;
                nanosBefore += System.nanoTime() - t1;
                compared++;
                if (!now.equals(before) && differing.size() < 3) {
                    differing.add(input + " variant " + v + ":\n" + variant + "\n--- now:\n" + now + "\n--- before:\n" + before);
                }
            }
        }
        System.out.printf("compared %d variants; tree parser %.1f ms, line parser %.1f ms in all%n", compared, nanosNow / 1e6, nanosBefore / 1e6);
        assertThat(compared).isGreaterThan(250);
        assertThat(differing).isEmpty();
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> {
                    if (i + 1 < lines.size()) {
                        lines.add(i + 1, lines.remove(i));
                    }
                }
                case 3 -> lines.set(i, " ".repeat(1 + random.nextInt(3)) + lines.get(i));
                case 4 -> lines.add(i, "");
                default -> lines.set(i, lines.get(i).replace("```", "~~~"));
            }
        }
        return String.join("\n", lines);
    }
}
