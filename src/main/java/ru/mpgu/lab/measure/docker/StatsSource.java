package ru.mpgu.lab.measure.docker;

import java.time.Duration;
import java.util.List;

/** Where stats come from; the Docker-facing implementation is {@link DockerJavaStatsSource}. */
public interface StatsSource {

    /** Running containers labelled with this compose project. */
    List<ContainerRef> containers(String composeProject);

    /** One reading (with its previous CPU reading filled in), or null if none came within the timeout. */
    StatsSnapshot sample(String containerId, Duration timeout) throws InterruptedException;
}
