package ru.mpgu.lab.variant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkResult;

/**
 * For bench/variants-benchmark.sh: every captured wrk output checked against every student's variant.
 * Input: DIR/<student>/{code.txt, wrk-*.txt}. Prints JSON (own outputs accepted, others' flagged, per pair).
 */
public final class VariantMatrix {

    private VariantMatrix() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> students;
        try (Stream<Path> s = Files.list(dir)) {
            students = s.filter(Files::isDirectory).sorted().toList();
        }
        List<StudentVariant> variants = new ArrayList<>();
        List<List<WrkResult>> outputs = new ArrayList<>();
        for (Path st : students) {
            variants.add(StudentVariant.of(null, Files.readString(st.resolve("code.txt")).strip()));
            List<WrkResult> runs = new ArrayList<>();
            try (Stream<Path> s = Files.list(st)) {
                for (Path f : s.filter(p -> p.getFileName().toString().startsWith("wrk-")).sorted().toList()) {
                    runs.add(new WrkOutputParser().parse(Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
            outputs.add(runs);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        int ownAccepted = 0;
        int ownTotal = 0;
        int swapFlagged = 0;
        int swapTotal = 0;
        int swapUncheckable = 0;
        java.util.Map<String, Integer> ownKinds = new java.util.TreeMap<>();
        java.util.Map<String, Integer> swapKinds = new java.util.TreeMap<>();
        ArrayNode perOutput = root.putArray("outputs");
        ArrayNode missed = root.putArray("swaps_not_flagged");
        for (int a = 0; a < students.size(); a++) {
            for (WrkResult w : outputs.get(a)) {
                WrkVariantCheck.Verdict own = WrkVariantCheck.check(w, variants.get(a));
                ownTotal++;
                ownKinds.merge(own.kind().name(), 1, Integer::sum);
                if (own.kind() != WrkVariantCheck.Kind.MISMATCH) {
                    ownAccepted++;
                }
                ObjectNode o = perOutput.addObject();
                o.put("student", students.get(a).getFileName().toString());
                o.put("variant", variants.get(a).code());
                o.put("requests", w.requests());
                o.put("bytes_read_printed", ru.mpgu.lab.measure.wrk.WrkUnits.formatBinary(w.bytesRead()) + "B");
                o.put("expected_bytes", variants.get(a).responseBytes());
                o.put("low", own.lowBytes());
                o.put("high", own.highBytes());
                o.put("own_verdict", own.kind().name());
                for (int b = 0; b < students.size(); b++) {
                    if (b == a) {
                        continue;
                    }
                    WrkVariantCheck.Verdict other = WrkVariantCheck.check(w, variants.get(b));
                    swapTotal++;
                    swapKinds.merge(other.kind().name(), 1, Integer::sum);
                    if (other.kind() == WrkVariantCheck.Kind.MISMATCH) {
                        swapFlagged++;
                    } else {
                        if (other.kind() == WrkVariantCheck.Kind.UNCHECKABLE) {
                            swapUncheckable++;
                        }
                        missed.addObject().put("from", variants.get(a).code()).put("into", variants.get(b).code())
                                .put("requests", w.requests()).put("verdict", other.kind().name());
                    }
                }
            }
        }
        root.put("students", students.size());
        root.put("own_outputs", ownTotal);
        root.put("own_accepted", ownAccepted);
        root.put("swaps", swapTotal);
        root.put("swaps_flagged", swapFlagged);
        root.put("swaps_uncheckable", swapUncheckable);
        root.set("own_verdicts", json.valueToTree(ownKinds));
        root.set("swap_verdicts", json.valueToTree(swapKinds));
        if (!outputs.isEmpty() && !outputs.get(0).isEmpty()) {
            root.put("first_mismatch_message", WrkVariantCheck.check(outputs.get(0).get(0),
                    variants.get(Math.min(1, variants.size() - 1))).message());
        }
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
