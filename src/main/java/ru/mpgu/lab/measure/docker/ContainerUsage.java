package ru.mpgu.lab.measure.docker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-container summary of a sampling run: what the CPU chart and the report show. */
public record ContainerUsage(ContainerRef container, int samples, double avgCpuPercent, double maxCpuPercent,
                             long maxMemoryBytes) {

    /** Groups samples by container, ordered by service then replica. */
    public static List<ContainerUsage> summarize(List<ContainerSample> samples) {
        Map<String, List<ContainerSample>> byId = new LinkedHashMap<>();
        for (ContainerSample s : samples) {
            byId.computeIfAbsent(s.container().id(), k -> new ArrayList<>()).add(s);
        }
        List<ContainerUsage> result = new ArrayList<>();
        for (List<ContainerSample> list : byId.values()) {
            double sum = 0;
            double max = 0;
            long mem = 0;
            for (ContainerSample s : list) {
                sum += s.cpuPercent();
                max = Math.max(max, s.cpuPercent());
                mem = Math.max(mem, s.memoryBytes());
            }
            result.add(new ContainerUsage(list.get(0).container(), list.size(), sum / list.size(), max, mem));
        }
        result.sort(Comparator.comparing((ContainerUsage u) -> u.container().service())
                .thenComparingInt(u -> u.container().replica()));
        return result;
    }
}
