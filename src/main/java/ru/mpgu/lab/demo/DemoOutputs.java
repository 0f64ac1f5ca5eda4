package ru.mpgu.lab.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ru.mpgu.lab.charts.ChartFiles;
import ru.mpgu.lab.charts.LabCharts;

/** demo-latency.png, demo-throughput.png and demo.json in the output directory. */
public final class DemoOutputs {

    public static final String LATENCY_PNG = "demo-latency.png";
    public static final String THROUGHPUT_PNG = "demo-throughput.png";
    public static final String JSON = "demo.json";

    private DemoOutputs() {
    }

    /** The two charts, one line per sweep; returns the files written. */
    public static List<Path> charts(List<Sweep> sweeps, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ChartFiles.png(LabCharts.latencyVsConcurrency(series(sweeps, LevelResult::avgLatencyMs),
                "Средняя задержка, мс"), dir.resolve(LATENCY_PNG)));
        files.add(ChartFiles.png(LabCharts.requestsVsConcurrency(series(sweeps, LevelResult::requestsPerSec)),
                dir.resolve(THROUGHPUT_PNG)));
        return files;
    }

    static Map<String, SortedMap<Integer, Double>> series(List<Sweep> sweeps, ToDoubleFunction<LevelResult> value) {
        Map<String, SortedMap<Integer, Double>> series = new LinkedHashMap<>();
        sweeps.forEach(s -> series.put(RuText.replicas(s.replicas()), s.series(value)));
        return series;
    }

    /**
     * Every figure of the run.
     *
     * @param conclusion null when the run did not get to a comparison
     * @param error      null when the run finished
     */
    public static Path json(Path dir, Map<String, Object> run, List<Sweep> sweeps, String conclusion, String error)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>(run);
        List<Map<String, Object>> sweepDocs = new ArrayList<>();
        for (Sweep s : sweeps) {
            sweepDocs.add(Map.of("replicas", s.replicas(), "levels", s.levels(), "upstreams", s.upstreams()));
        }
        doc.put("sweeps", sweepDocs);
        if (sweeps.size() == 2) {
            List<Map<String, Object>> comparison = new ArrayList<>();
            for (LevelResult a : sweeps.get(0).levels()) {
                sweeps.get(1).at(a.connections()).ifPresent(b -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("connections", a.connections());
                    row.put("requestsPerSec", List.of(a.requestsPerSec(), b.requestsPerSec()));
                    row.put("throughputRatio", a.requestsPerSec() > 0 ? b.requestsPerSec() / a.requestsPerSec() : null);
                    row.put("avgLatencyMs", List.of(a.avgLatencyMs(), b.avgLatencyMs()));
                    row.put("p99LatencyMs", List.of(a.p99LatencyMs(), b.p99LatencyMs()));
                    comparison.add(row);
                });
            }
            doc.put("comparison", comparison);
        }
        doc.put("conclusion", conclusion);
        doc.put("error", error);
        doc.put("charts", Map.of("latency", LATENCY_PNG, "throughput", THROUGHPUT_PNG));
        Files.createDirectories(dir);
        Path file = dir.resolve(JSON);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
        return file;
    }
}
