package ru.mpgu.lab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The grader's one HTTP client for the stack (nginx, Prometheus, Grafana): blocking GETs, JSON, Prometheus'
 * query API, and waiting until a service answers (through {@link Poller}). Two instances, differing only in
 * the connect timeout they always had.
 */
public final class StackHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The checks against a running stack. */
    public static final StackHttp CHECKS = new StackHttp(Duration.ofSeconds(3));
    /** Readiness probes while the stack boots. */
    public static final StackHttp READINESS = new StackHttp(Duration.ofSeconds(2));

    /** A readiness probe's own bound, and the pause between probes. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final HttpClient client;

    StackHttp(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public HttpResponse<String> get(URI uri, Duration timeout) throws IOException {
        return send(uri, timeout, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The status code only (the body is discarded). */
    public int status(URI uri, Duration timeout) throws IOException {
        return send(uri, timeout, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private <T> HttpResponse<T> send(URI uri, Duration timeout, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("прервано", e);
        }
    }

    public JsonNode getJson(URI uri) throws IOException {
        HttpResponse<String> response = get(uri, Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IOException(uri + " ответил HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Runs an instant query through Prometheus' HTTP API and returns data.result. */
    public JsonNode promQuery(URI prometheus, String query) throws IOException {
        JsonNode body = getJson(prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (!"success".equals(body.path("status").asText())) {
            throw new IOException("Prometheus отклонил запрос «" + query + "»: " + body.path("error").asText());
        }
        return body.path("data").path("result");
    }

    /** The first sample's value of an instant vector, or NaN when the vector is empty. */
    public double promScalar(URI prometheus, String query) throws IOException {
        JsonNode result = promQuery(prometheus, query);
        return result.size() == 0 ? Double.NaN : result.get(0).path("value").path(1).asDouble(Double.NaN);
    }

    /**
     * Waits until {@code uri} answers with anything below 500 (a booting service refuses connections or
     * answers 502/503), probing every second, each probe bounded by 5 s. The last value is the status code.
     */
    public Polled<Integer> awaitAnswer(URI uri, Duration atMost) {
        return Poller.retrying(atMost, PROBE_EVERY, () -> status(uri, PROBE_TIMEOUT), code -> code < 500);
    }

    /** «HTTP 503», «ConnectException» or «нет ответа»: what the last readiness probe saw. */
    public static String lastSeen(Polled<Integer> polled) {
        if (polled.error() != null) {
            return polled.error().getClass().getSimpleName();
        }
        return polled.lastValue().map(code -> "HTTP " + code).orElse("нет ответа");
    }
}
