package ru.mpgu.lab.measure.docker;

/** One `docker stats` reading of one container. */
public record ContainerSample(ContainerRef container, long epochMillis, double cpuPercent,
                              long memoryBytes, long memoryLimitBytes) {

    static ContainerSample of(ContainerRef container, long epochMillis, StatsSnapshot snapshot) {
        return new ContainerSample(container, epochMillis, DockerStatsMath.cpuPercent(snapshot),
                DockerStatsMath.memoryUsedBytes(snapshot), snapshot.memoryLimit());
    }
}
