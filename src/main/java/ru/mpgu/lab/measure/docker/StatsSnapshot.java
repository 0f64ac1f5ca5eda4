package ru.mpgu.lab.measure.docker;

import java.util.List;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.api.model.Statistics;

/**
 * The raw numbers of one Docker stats reading that the docker CLI uses; nulls where the daemon
 * did not send a field (cgroup v1 and v2 send different memory fields).
 */
public record StatsSnapshot(
        long cpuTotal, long preCpuTotal,
        long systemCpu, long preSystemCpu,
        long onlineCpus, int percpuCount,
        long memoryUsage, long memoryLimit,
        Long totalInactiveFile, Long inactiveFile, Long cache) {

    /** Adapts docker-java's model (also what Jackson builds from the Engine API's JSON). */
    public static StatsSnapshot from(Statistics stats) {
        CpuStatsConfig cpu = stats.getCpuStats();
        CpuStatsConfig pre = stats.getPreCpuStats();
        MemoryStatsConfig memory = stats.getMemoryStats();
        StatsConfig memoryDetails = memory == null ? null : memory.getStats();
        List<Long> percpu = cpu == null || cpu.getCpuUsage() == null ? null : cpu.getCpuUsage().getPercpuUsage();
        return new StatsSnapshot(
                cpu == null || cpu.getCpuUsage() == null ? 0 : zero(cpu.getCpuUsage().getTotalUsage()),
                pre == null || pre.getCpuUsage() == null ? 0 : zero(pre.getCpuUsage().getTotalUsage()),
                cpu == null ? 0 : zero(cpu.getSystemCpuUsage()),
                pre == null ? 0 : zero(pre.getSystemCpuUsage()),
                cpu == null ? 0 : zero(cpu.getOnlineCpus()),
                percpu == null ? 0 : percpu.size(),
                memory == null ? 0 : zero(memory.getUsage()),
                memory == null ? 0 : zero(memory.getLimit()),
                memoryDetails == null ? null : memoryDetails.getTotalInactiveFile(),
                memoryDetails == null ? null : memoryDetails.getInactiveFile(),
                memoryDetails == null ? null : memoryDetails.getCache());
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }
}
