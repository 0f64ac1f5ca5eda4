package ru.mpgu.lab.measure.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;

class DockerStatsMathTest {

    static StatsSnapshot recorded(String name) throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = DockerStatsMathTest.class.getResourceAsStream("/docker-stats/" + name)) {
            assertThat(in).as(name).isNotNull();
            return StatsSnapshot.from(mapper.readValue(in, Statistics.class));
        }
    }

    @Test
    void cgroupV2UsesOnlineCpusAndInactiveFile() throws IOException {
        StatsSnapshot s = recorded("cgroup-v2.json");

        // 0.5 s of CPU over 4 s of host CPU time (1 s on 4 CPUs): half a core
        assertThat(DockerStatsMath.cpuPercent(s)).isCloseTo(50.0, within(1e-9));
        assertThat(DockerStatsMath.memoryUsedBytes(s)).isEqualTo(104_857_600L - 20_971_520L);
        assertThat(DockerStatsMath.memoryPercent(s)).isCloseTo(83_886_080 * 100.0 / 8_589_934_592L, within(1e-9));
    }

    @Test
    void cgroupV1WithoutOnlineCpusCountsPercpuEntriesAndUsesTotalInactiveFile() throws IOException {
        StatsSnapshot s = recorded("cgroup-v1-old-daemon.json");

        assertThat(s.onlineCpus()).isZero();
        assertThat(s.percpuCount()).isEqualTo(2);
        // 0.3 s over 2 s of host CPU time, times 2 CPUs
        assertThat(DockerStatsMath.cpuPercent(s)).isCloseTo(30.0, within(1e-9));
        assertThat(DockerStatsMath.memoryUsedBytes(s)).isEqualTo(157_286_400L - 31_457_280L);
    }

    @Test
    void oldDaemonWithOnlyCacheFallsBackToUsageMinusCache() throws IOException {
        StatsSnapshot s = recorded("first-frame-no-precpu.json");

        assertThat(DockerStatsMath.memoryUsedBytes(s)).isEqualTo(52_428_800L - 1_048_576L);
    }

    @Test
    void firstStreamFrameWithoutPreviousReadingIsComputedAsTheCliDoesFromZero() throws IOException {
        // the CLI does not special-case an empty precpu_stats: deltas are taken from zero
        assertThat(DockerStatsMath.cpuPercent(recorded("first-frame-no-precpu.json")))
                .isCloseTo(12e9 / 1e14 * 2 * 100, within(1e-12));
    }

    @Test
    void noCpuProgressOrACounterResetGivesZero() {
        assertThat(DockerStatsMath.cpuPercent(new StatsSnapshot(100, 200, 2000, 1000, 2, 0, 0, 0, null, null, null))).isZero();
        assertThat(DockerStatsMath.cpuPercent(new StatsSnapshot(300, 200, 1000, 1000, 2, 0, 0, 0, null, null, null))).isZero();
    }

    @Test
    void inactiveFileLargerThanUsageIsIgnored() {
        StatsSnapshot s = new StatsSnapshot(0, 0, 0, 0, 1, 0, 100, 1000, null, 500L, null);
        assertThat(DockerStatsMath.memoryUsedBytes(s)).isEqualTo(100);
    }

    @Test
    void composeLabelsGiveServiceAndReplica() {
        ContainerRef ref = ContainerRef.fromLabels("abc", "/lab-web-3", java.util.Map.of(
                ContainerRef.PROJECT_LABEL, "lab", ContainerRef.SERVICE_LABEL, "web", ContainerRef.NUMBER_LABEL, "3"));
        assertThat(ref).isEqualTo(new ContainerRef("abc", "lab-web-3", "web", 3));
        assertThat(ref.label()).isEqualTo("web#3");
        assertThat(ContainerRef.fromLabels("x", "y", null).replica()).isZero();
    }
}
