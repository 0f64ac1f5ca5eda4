package ru.mpgu.lab.measure.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ContainerStatsSamplerTest {

    /** Two replicas of "web" and one "nginx"; web#2 is busier. */
    private static final class FakeSource implements StatsSource {
        final AtomicInteger calls = new AtomicInteger();
        String askedProject;

        @Override
        public List<ContainerRef> containers(String composeProject) {
            askedProject = composeProject;
            return List.of(new ContainerRef("a", "lab-web-1", "web", 1), new ContainerRef("b", "lab-web-2", "web", 2),
                    new ContainerRef("c", "lab-nginx-1", "nginx", 1));
        }

        @Override
        public StatsSnapshot sample(String containerId, Duration timeout) throws InterruptedException {
            calls.incrementAndGet();
            long busy = containerId.equals("b") ? 800 : 200; // of 1000 on 1 CPU
            return new StatsSnapshot(1000 + busy, 1000, 20_000, 19_000, 1, 0, 300, 1000, null, 100L, null);
        }
    }

    private static long samplerThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lab-stats-") && t.isAlive()).count();
    }

    @Test
    void samplesEveryContainerUntilStoppedAndSummarizesPerReplica() throws Exception {
        FakeSource source = new FakeSource();
        List<ContainerSample> samples;
        try (ContainerStatsSampler sampler = ContainerStatsSampler.start(source, "lab", Duration.ofMillis(20))) {
            assertThat(sampler.containers()).hasSize(3);
            Thread.sleep(200);
            samples = sampler.stop();
        }

        assertThat(source.askedProject).isEqualTo("lab");
        assertThat(samplerThreadsAlive()).isZero();
        assertThat(samples).extracting(s -> s.container().id()).contains("a", "b", "c");
        assertThat(samples).allSatisfy(s -> assertThat(s.memoryBytes()).isEqualTo(200));

        List<ContainerUsage> usage = ContainerUsage.summarize(samples);
        assertThat(usage).extracting(u -> u.container().label()).containsExactly("nginx#1", "web#1", "web#2");
        assertThat(usage.get(2).avgCpuPercent()).isEqualTo(80.0);
        assertThat(usage.get(1).maxCpuPercent()).isEqualTo(20.0);
        assertThat(usage.get(0).samples()).isPositive();

        int callsAfterStop = source.calls.get();
        Thread.sleep(60);
        assertThat(source.calls.get()).isEqualTo(callsAfterStop);
    }

    @Test
    void aSourceThatHangsIsStillStoppedByInterrupt() {
        StatsSource hanging = new StatsSource() {
            @Override
            public List<ContainerRef> containers(String composeProject) {
                return List.of(new ContainerRef("h", "h", "web", 1));
            }

            @Override
            public StatsSnapshot sample(String containerId, Duration timeout) throws InterruptedException {
                Thread.sleep(timeout.toMillis());
                return null;
            }
        };
        ContainerStatsSampler sampler = ContainerStatsSampler.start(hanging, "lab", Duration.ofSeconds(5));
        assertThat(sampler.stop()).isEmpty();
        assertThat(samplerThreadsAlive()).isZero();
    }
}
