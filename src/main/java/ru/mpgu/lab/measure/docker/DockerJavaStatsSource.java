package ru.mpgu.lab.measure.docker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;

/**
 * Thin adapter over docker-java: lists the project's containers and reads one non-streaming stats
 * frame per call (the daemon fills precpu_stats for it, as for `docker stats --no-stream`).
 */
public final class DockerJavaStatsSource implements StatsSource {

    private final DockerClient client;

    public DockerJavaStatsSource(DockerClient client) {
        this.client = client;
    }

    /** Uses the Docker client Testcontainers has already configured. */
    public static DockerJavaStatsSource fromTestcontainers() {
        return new DockerJavaStatsSource(org.testcontainers.DockerClientFactory.instance().client());
    }

    @Override
    public List<ContainerRef> containers(String composeProject) {
        return client.listContainersCmd()
                .withLabelFilter(Map.of(ContainerRef.PROJECT_LABEL, composeProject))
                .exec().stream()
                .map(c -> ContainerRef.fromLabels(c.getId(),
                        c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0], c.getLabels()))
                .toList();
    }

    @Override
    public StatsSnapshot sample(String containerId, Duration timeout) throws InterruptedException {
        AtomicReference<Statistics> first = new AtomicReference<>();
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics stats) {
                first.compareAndSet(null, stats);
            }
        };
        try (ResultCallback.Adapter<Statistics> running = client.statsCmd(containerId).withNoStream(true).exec(callback)) {
            running.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // closing the stream failed; whatever was read is still valid
        }
        Statistics stats = first.get();
        return stats == null ? null : StatsSnapshot.from(stats);
    }
}
