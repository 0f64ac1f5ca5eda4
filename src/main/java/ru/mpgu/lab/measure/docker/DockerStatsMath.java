package ru.mpgu.lab.measure.docker;

/**
 * The docker CLI's formulas for `docker stats` (cli/command/container/stats_helpers.go), so the
 * grader's figures match what a student sees in `docker stats`.
 */
public final class DockerStatsMath {

    private DockerStatsMath() {
    }

    /**
     * CPU % = (container CPU delta / host CPU delta) * online CPUs * 100; 100% is one full core.
     * online_cpus is missing on old daemons (cgroup v1): the CLI then counts percpu_usage entries.
     */
    public static double cpuPercent(StatsSnapshot s) {
        double cpuDelta = (double) s.cpuTotal() - s.preCpuTotal();
        double systemDelta = (double) s.systemCpu() - s.preSystemCpu();
        double onlineCpus = s.onlineCpus() > 0 ? s.onlineCpus() : s.percpuCount();
        if (systemDelta > 0 && cpuDelta > 0) {
            return cpuDelta / systemDelta * onlineCpus * 100.0;
        }
        return 0.0;
    }

    /**
     * Memory without the reclaimable page cache: usage - total_inactive_file (cgroup v1),
     * usage - inactive_file (cgroup v2), as the current CLI does; daemons too old to send either
     * get the former CLI rule, usage - cache. Never below zero.
     */
    public static long memoryUsedBytes(StatsSnapshot s) {
        long usage = s.memoryUsage();
        if (s.totalInactiveFile() != null) {
            return s.totalInactiveFile() < usage ? usage - s.totalInactiveFile() : usage;
        }
        if (s.inactiveFile() != null) {
            return s.inactiveFile() < usage ? usage - s.inactiveFile() : usage;
        }
        if (s.cache() != null && s.cache() < usage) {
            return usage - s.cache();
        }
        return usage;
    }

    /** MEM % as the CLI prints it: used / limit * 100 (0 when the limit is unknown). */
    public static double memoryPercent(StatsSnapshot s) {
        return s.memoryLimit() > 0 ? memoryUsedBytes(s) * 100.0 / s.memoryLimit() : 0.0;
    }
}
