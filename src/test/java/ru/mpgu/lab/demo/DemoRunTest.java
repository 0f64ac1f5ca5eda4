package ru.mpgu.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.mpgu.lab.testing.FakeLabServer;

class DemoRunTest {

    /** The fake stack, scaled in-process: records when scaling happened. */
    static final class FakeTarget implements DemoTarget {
        final FakeLabServer server;
        final List<String> calls = new ArrayList<>();

        FakeTarget(FakeLabServer server) {
            this.server = server;
        }

        @Override
        public URI url() {
            return URI.create(server.url("/orders"));
        }

        @Override
        public void scaleWeb(int replicas) {
            calls.add("scale " + replicas + " after " + (server.requests() > 0 ? "load" : "nothing"));
            server.scaleWeb(replicas);
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void sweepsOneReplicaThenScalesAndSweepsAgainWithALiveProgressLine() throws Exception {
        StringWriter text = new StringWriter();
        try (FakeLabServer server = new FakeLabServer(1, 2)) {
            FakeTarget target = new FakeTarget(server);
            DemoRun run = new DemoRun(target, LoadRunner.generator(), new DemoConsole(new PrintWriter(text), true),
                    new DemoRun.Settings(List.of(2, 6), Duration.ofSeconds(1), 3, Duration.ZERO));

            run.run();

            assertThat(target.calls).containsExactly("scale 3 after load");
            List<Sweep> sweeps = run.sweeps();
            assertThat(sweeps).extracting(Sweep::replicas).containsExactly(1, 3);
            assertThat(sweeps).allSatisfy(s -> assertThat(s.levels()).extracting(LevelResult::connections)
                    .containsExactly(2, 6));
            // the fake names its replicas in X-Upstream, as nginx does
            assertThat(sweeps.get(0).upstreams()).containsOnlyKeys("10.0.0.1:8000");
            assertThat(sweeps.get(1).upstreams()).containsOnlyKeys("10.0.0.1:8000", "10.0.0.2:8000", "10.0.0.3:8000");
        }
        // live: the progress line is drawn with '\r' and erased before each row
        assertThat(text.toString()).contains("\r  уровень 2: 0/1 с").contains("web: 3 реплики готовы")
                .contains("Сравнение: 1 реплика → 3 реплики");
        for (String line : text.toString().split("\n")) {
            if (line.matches(".*\\d+,\\d +\\d+,\\d+ +\\d+,\\d+ +\\d+$")) {
                assertThat(line.substring(line.lastIndexOf('\r') + 1)).matches(" {5,}\\d .*");
            }
        }
    }

    @Test
    void progressLineShowsElapsedSecondsAndRate() {
        assertThat(DemoConsole.progressLine(30, 4.7, Duration.ofSeconds(6), 812.4))
                .isEqualTo("  уровень 30: 4/6 с, ≈812 запросов/с …");
        assertThat(DemoConsole.progressLine(1, 0.1, Duration.ofSeconds(6), -1)).isEqualTo("  уровень 1: 0/6 с …");
    }
}
