package ru.mpgu.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.testing.FakeHttp;
import ru.mpgu.lab.testing.FakeHttp.Answer;

/** The one poller and the one HTTP client, against a fake service on loopback. */
class PollerTest {

    @Test
    void waitsUntilTheServiceStopsAnswering503() throws Exception {
        try (FakeHttp grafana = new FakeHttp()) {
            AtomicInteger calls = new AtomicInteger();
            grafana.route("/api/health", exchange -> calls.incrementAndGet() < 3 ? Answer.status(503) : Answer.json("{}"));
            Polled<Integer> polled = StackHttp.READINESS.awaitAnswer(grafana.url().resolve("/api/health"), Duration.ofSeconds(20));
            assertThat(polled.state()).isEqualTo(Polled.State.REACHED);
            assertThat(polled.last()).isEqualTo(200);
            assertThat(polled.probes()).isEqualTo(3);
            // probed at once, then once a second
            assertThat(polled.waited()).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        }
    }

    @Test
    void givesUpWithinItsBoundSayingWhatItLastSaw() throws Exception {
        try (FakeHttp nginx = new FakeHttp()) {
            nginx.route("/orders", Answer.status(502));
            Polled<Integer> polled = StackHttp.READINESS.awaitAnswer(nginx.url().resolve("/orders"), Duration.ofSeconds(2));
            assertThat(polled.state()).isEqualTo(Polled.State.TIMED_OUT);
            assertThat(polled.waited()).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
            assertThat(polled.probes()).isBetween(2, 4);
            assertThat(StackHttp.lastSeen(polled)).isEqualTo("HTTP 502");
        }
    }

    @Test
    void aServiceNotListeningYetCountsAsNotYet() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Polled<Integer> polled = StackHttp.READINESS.awaitAnswer(URI.create("http://127.0.0.1:" + port + "/-/ready"),
                Duration.ofMillis(1500));
        assertThat(polled.state()).isEqualTo(Polled.State.TIMED_OUT);
        assertThat(polled.error()).isInstanceOf(IOException.class);
        assertThat(StackHttp.lastSeen(polled)).isEqualTo(polled.error().getClass().getSimpleName());
        assertThat(polled.waited()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void untilStopsAtTheFirstFailingProbe() {
        AtomicInteger calls = new AtomicInteger();
        Polled<Double> polled = Poller.until(Duration.ofSeconds(30), Duration.ofSeconds(1), () -> {
            calls.incrementAndGet();
            throw new IOException("Prometheus отклонил запрос");
        }, v -> true);
        assertThat(polled.state()).isEqualTo(Polled.State.FAILED);
        assertThat(polled.error()).hasMessageContaining("отклонил");
        assertThat(calls).hasValue(1);
        assertThat(polled.waited()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aValueReachedAtOnceIsNotWaitedFor() throws Exception {
        try (FakeHttp prometheus = new FakeHttp()) {
            prometheus.route("/api/v1/query", Answer.json("{\"status\":\"success\",\"data\":{\"result\":[{\"value\":[1,\"3\"]}]}}"));
            Polled<Double> polled = Poller.until(Duration.ofSeconds(10), Duration.ofSeconds(1),
                    () -> StackHttp.CHECKS.promScalar(prometheus.url(), "count(up)"), up -> up >= 3);
            assertThat(polled.reached()).isTrue();
            assertThat(polled.last()).isEqualTo(3.0);
            assertThat(polled.probes()).isEqualTo(1);
            assertThat(prometheus.requests()).containsExactly("/api/v1/query?query=count(up)");
        }
    }

    @Test
    void anInterruptEndsTheWaitAsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            Polled<Integer> polled = Poller.until(Duration.ofSeconds(10), Duration.ofSeconds(1), () -> 1, v -> v > 1);
            assertThat(polled.state()).isEqualTo(Polled.State.INTERRUPTED);
            assertThat(polled.waited()).isLessThan(Duration.ofSeconds(5));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptBetweenProbesEndsTheWaitToo() throws Exception {
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        try {
            Polled<Integer> polled = Poller.until(Duration.ofSeconds(10), Duration.ofSeconds(1), () -> 1, v -> v > 1);
            assertThat(polled.state()).isEqualTo(Polled.State.INTERRUPTED);
            assertThat(polled.waited()).isLessThan(Duration.ofSeconds(5));
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }
}
