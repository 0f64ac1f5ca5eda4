package ru.mpgu.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.testing.RawHttpServer;

class LabCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private RawHttpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private int run(String... args) {
        return CliRuns.execute(out, err, args);
    }

    @Test
    void loadPrintsWrkOutputThatTheParserReadsBack(@TempDir Path dir) throws Exception {
        server = new RawHttpServer(RawHttpServer.fixed(
                "HTTP/1.1 200 OK\r\nX-Served-By: web-1\r\nContent-Length: 2\r\n\r\nok"));
        Path json = dir.resolve("out/result.json");

        int code = run("load", "-c", "4", "-t", "2", "-d", "1s", "--latency", "--count-header", "X-Served-By",
                "--json", json.toString(), "-H", "Accept: */*", server.url("/orders/"));

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).startsWith("Running 1s test @ " + server.url("/orders/") + "\n  2 threads and 4 connections\n");
        assertThat(text).contains("  Latency Distribution\n     50%").contains("Responses by X-Served-By:\n  web-1: ");
        WrkResult parsed = new WrkOutputParser().parse(text);
        assertThat(parsed.requests()).isPositive();
        assertThat(parsed.threads()).isEqualTo(2);

        JsonNode doc = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(doc.at("/result/requests").asLong()).isEqualTo(parsed.requests());
        assertThat(doc.at("/result/correctedLatency/percentilesUs/99.9").isNumber()).isTrue();
        assertThat(doc.at("/headerCounts/counts/web-1").asLong()).isEqualTo(parsed.requests());
    }

    @Test
    void connectionsFewerThanThreadsIsAUsageError() {
        int code = run("load", "-c", "1", "-t", "2", "-d", "1s", "http://127.0.0.1:1/");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Ошибка: Соединений (-c 1) меньше, чем потоков (-t 2)")
                .contains("lab load --help");
    }

    @Test
    void badDurationIsAUsageError() {
        assertThat(run("load", "-d", "20x", "http://127.0.0.1:1/")).isEqualTo(2);
        assertThat(err.toString()).contains("неизвестная единица «x»");
    }

    @Test
    void httpsIsRefusedWithAnExplanation() {
        assertThat(run("load", "-d", "1s", "https://localhost/")).isEqualTo(2);
        assertThat(err.toString()).contains("HTTPS не поддерживается");
    }

    @Test
    void badUrlAndHeaderAreUsageErrors() {
        assertThat(run("load", "-d", "1s", "localhost:8000")).isEqualTo(2);
        assertThat(err.toString()).contains("Некорректный URL");
        assertThat(run("load", "-d", "1s", "-H", "nocolon", "http://localhost/")).isEqualTo(2);
        assertThat(err.toString()).contains("не заголовок");
    }

    @Test
    void missingUrlAndUnknownOptionAreExplainedInRussian() {
        assertThat(run("load", "-d", "1s")).isEqualTo(2);
        assertThat(err.toString()).contains("не указан обязательный параметр").contains("URL");
        assertThat(run("load", "--bogus", "http://localhost/")).isEqualTo(2);
        assertThat(err.toString()).contains("неизвестный параметр: --bogus");
    }

    @Test
    void unreachableTargetPrintsWrkOutputAndFailsWithExitCode1() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int code = run("load", "-c", "2", "-t", "1", "-d", "10s", "--timeout", "300ms", "http://127.0.0.1:" + port + "/");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Не удалось установить ни одного соединения");
        WrkResult parsed = new WrkOutputParser().parse(out.toString());
        assertThat(parsed.socketErrors().connect()).isPositive();
        assertThat(parsed.requests()).isZero();
    }

    @Test
    void helpIsInRussianAndListsWrkOptions() {
        assertThat(run("load", "--help")).isZero();
        assertThat(out.toString()).contains("-c, --connections").contains("Длительность теста").contains("--latency");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("load");
    }
}
