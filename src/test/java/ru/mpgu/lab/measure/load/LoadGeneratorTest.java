package ru.mpgu.lab.measure.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.testing.RawHttpServer;

class LoadGeneratorTest {

    private static final Duration SHORT = Duration.ofMillis(700);

    private final LoadGenerator generator = new LoadGenerator();
    private RawHttpServer raw;
    private HttpServer jdk;

    @AfterEach
    void stopServers() throws IOException {
        if (raw != null) {
            raw.close();
        }
        if (jdk != null) {
            jdk.stop(0);
        }
    }

    private static long loadThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lab-load-") && t.isAlive()).count();
    }

    @Test
    void keepAliveRunUsesExactlyTheRequestedConnectionsAndClosesThem() throws Exception {
        raw = new RawHttpServer(RawHttpServer.fixed(RawHttpServer.OK_KEEP_ALIVE));

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 4, 2, SHORT));

        assertThat(r.requests()).isPositive();
        assertThat(r.errors().any()).isFalse();
        assertThat(r.non2xx3xx()).isZero();
        assertThat(raw.acceptedConnections()).isEqualTo(4);
        assertThat(r.successfulConnects()).isEqualTo(4);
        assertThat(r.bytesRead()).isEqualTo(r.requests() * RawHttpServer.OK_KEEP_ALIVE.length());
        assertThat(r.latency().count()).isEqualTo(r.requests());
        assertThat(r.correctedLatency().count()).isGreaterThanOrEqualTo(r.latency().count());
        assertThat(r.correctedLatency().percentileUs(99)).isGreaterThanOrEqualTo(r.latency().percentileUs(50));
        assertThat(r.latency().maxUs()).isGreaterThanOrEqualTo(r.latency().percentileUs(99.9));
        assertThat(r.requestsPerThread().samples()).isPositive();
        assertThat(r.allConnectionsFailed()).isFalse();
        assertThat(r.failureMessage()).isNull();
        assertThat(loadThreadsAlive()).isZero();
        assertThat(raw.awaitAllClosed(2000)).isZero();
    }

    @Test
    void countsServedByHeaderPerReplicaAndSendsHostAndCustomHeaders() throws Exception {
        AtomicLong counter = new AtomicLong();
        AtomicReference<String> host = new AtomicReference<>();
        AtomicReference<String> custom = new AtomicReference<>();
        jdk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        jdk.createContext("/orders", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            custom.set(exchange.getRequestHeaders().getFirst("X-Lab"));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Served-By", "web-" + (counter.incrementAndGet() % 3 + 1));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jdk.start();
        int port = jdk.getAddress().getPort();
        HeaderValueCounter servedBy = new HeaderValueCounter("X-Served-By");

        LoadResult r = generator.run(LoadConfig.of("http://127.0.0.1:" + port + "/orders?page=1", 3, 1, SHORT)
                .withHeaders(List.of("X-Lab: yes")).withListener(servedBy));

        assertThat(servedBy.counts()).containsOnlyKeys("web-1", "web-2", "web-3");
        assertThat(servedBy.counts().values().stream().mapToLong(Long::longValue).sum() + servedBy.missing())
                .isEqualTo(r.requests());
        assertThat(servedBy.missing()).isZero();
        assertThat(host.get()).isEqualTo("127.0.0.1:" + port);
        assertThat(custom.get()).isEqualTo("yes");
        assertThat(r.errors().any()).isFalse();
    }

    @Test
    void connectionCloseMakesItReconnectWithoutErrors() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return false;
        });

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 2, 1, SHORT));

        assertThat(r.requests()).isGreaterThan(2);
        assertThat(r.errors().read() + r.errors().write() + r.errors().timeout()).isZero();
        assertThat(r.reconnects()).isGreaterThanOrEqualTo(r.requests() - 2);
        assertThat(raw.acceptedConnections()).isGreaterThan(2);
    }

    @Test
    void garbageResponsesAreReadErrorsNotExceptions() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            String answer = n % 5 == 0 ? "BLAH 200\r\n\r\n" : RawHttpServer.OK_KEEP_ALIVE;
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 2, 1, SHORT));

        assertThat(r.errors().read()).isPositive();
        assertThat(r.requests()).isPositive();
        assertThat(r.errors().connect() + r.errors().timeout()).isZero();
    }

    @Test
    void resetConnectionsAreReadErrors() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            if (n % 10 == 0) {
                RawHttpServer.abort(socket);
                return false;
            }
            out.write(RawHttpServer.OK_KEEP_ALIVE.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 2, 1, SHORT));

        assertThat(r.errors().read()).isPositive();
        assertThat(r.requests()).isPositive();
    }

    @Test
    void slowResponsesCountAsTimeouts() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            if (n % 20 == 0) {
                Thread.sleep(400);
            }
            out.write(RawHttpServer.OK_KEEP_ALIVE.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 2, 1, Duration.ofMillis(900))
                .withTimeout(Duration.ofMillis(150)));

        assertThat(r.errors().timeout()).isPositive();
        assertThat(r.latency().maxUs()).isLessThan(150_000);
        assertThat(r.errors().connect()).isZero();
    }

    @Test
    void aRequestSlowerThanTheTimeoutKeepsItsConnectionAndCountsWhenItsAnswerComesAsInWrk() throws Exception {
        raw = new RawHttpServer(RawHttpServer.slow(300, RawHttpServer.OK_KEEP_ALIVE));

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 1, 1, Duration.ofMillis(1000))
                .withTimeout(Duration.ofMillis(150)));

        // wrk 4.2 waits for the answer: 3 requests of 300 ms in 1 s, each one a timeout, on one connection
        assertThat(r.requests()).isBetween(2L, 3L);
        assertThat(r.errors().timeout()).isEqualTo(r.requests());
        assertThat(raw.acceptedConnections()).isEqualTo(1);
        assertThat(r.reconnects()).isZero();
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersEndsWithOneTimeoutPerConnectionNotAnEmptyErrorFreeRun() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            Thread.sleep(5_000);
            return false;
        });

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 2, 1, Duration.ofMillis(600))
                .withTimeout(Duration.ofMillis(150)));

        assertThat(r.requests()).isZero();
        assertThat(r.errors().timeout()).isEqualTo(2);
    }

    @Test
    void chunkedAndErrorStatusesAreCountedLikeWrk() throws Exception {
        raw = new RawHttpServer((n, socket, out) -> {
            String status = n % 2 == 0 ? "503 Service Unavailable" : (n % 3 == 0 ? "302 Found" : "200 OK");
            out.write(("HTTP/1.1 " + status + "\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        });

        LoadResult r = generator.run(LoadConfig.of(raw.url("/"), 2, 2, SHORT));

        assertThat(r.errors().any()).isFalse();
        assertThat(r.non2xx3xx()).isPositive().isLessThan(r.requests());
    }

    @Test
    void unreachableTargetStopsEarlyAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        LoadResult r = generator.run(LoadConfig.of("http://127.0.0.1:" + closedPort + "/", 4, 2, Duration.ofSeconds(20))
                .withTimeout(Duration.ofMillis(300)));

        assertThat(r.allConnectionsFailed()).isTrue();
        assertThat(r.errors().connect()).isPositive();
        assertThat(r.requests()).isZero();
        assertThat(r.runtimeMicros()).isLessThan(20_000_000);
        assertThat(r.failureMessage()).contains("Не удалось установить ни одного соединения").contains(String.valueOf(closedPort));
        assertThat(loadThreadsAlive()).isZero();
    }

    @Test
    void unknownHostIsAClearError() {
        assertThatThrownBy(() -> generator.run(LoadConfig.of("http://no-such-host.invalid/", 1, 1, SHORT)))
                .isInstanceOf(LoadTargetException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void resultFormatsAsWrkTextThatParsesBack() throws Exception {
        raw = new RawHttpServer(RawHttpServer.fixed(RawHttpServer.OK_KEEP_ALIVE));
        LoadResult r = generator.run(LoadConfig.of(raw.url("/x"), 2, 1, SHORT));

        String text = r.toWrkResult(true).format();
        WrkResult parsed = new WrkOutputParser().parse(text);

        assertThat(parsed.requests()).isEqualTo(r.requests());
        assertThat(parsed.url()).isEqualTo(raw.url("/x"));
        assertThat(parsed.latencyPercentilesUs()).containsOnlyKeys(50.0, 75.0, 90.0, 99.0);
        assertThat(parsed.format()).isEqualTo(text);
    }

    @Test
    void rejectsBadConfig() {
        assertThatThrownBy(() -> LoadConfig.of("https://localhost/", 1, 1, SHORT)).hasMessageContaining("http://");
        assertThatThrownBy(() -> LoadConfig.of("http://localhost/", 1, 2, SHORT)).hasMessageContaining("connections >= threads");
        assertThatThrownBy(() -> LoadConfig.of("http://localhost/", 1, 1, Duration.ZERO)).hasMessageContaining("Длительность");
        assertThatThrownBy(() -> LoadConfig.of("http://localhost/", 1, 1, SHORT).withHeaders(List.of("bad")))
                .hasMessageContaining("Имя: значение");
    }
}
