package ru.mpgu.lab.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** All levels measured with one number of web replicas. */
public record Sweep(int replicas, List<LevelResult> levels) {

    public Sweep {
        levels = List.copyOf(levels);
    }

    public Optional<LevelResult> at(int connections) {
        return levels.stream().filter(l -> l.connections() == connections).findFirst();
    }

    public SortedMap<Integer, Double> series(ToDoubleFunction<LevelResult> value) {
        SortedMap<Integer, Double> points = new TreeMap<>();
        levels.forEach(l -> points.put(l.connections(), value.applyAsDouble(l)));
        return points;
    }

    /** Responses per X-Upstream value over the whole sweep. */
    public SortedMap<String, Long> upstreams() {
        SortedMap<String, Long> total = new TreeMap<>();
        for (LevelResult l : levels) {
            for (Map.Entry<String, Long> e : l.upstreams().entrySet()) {
                total.merge(e.getKey(), e.getValue(), Long::sum);
            }
        }
        return total;
    }

    public long errors() {
        return levels.stream().mapToLong(LevelResult::errors).sum();
    }
}
