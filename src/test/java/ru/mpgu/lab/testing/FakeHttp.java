package ru.mpgu.lab.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP server with canned answers per path, standing in for nginx, Prometheus or Grafana in unit tests.
 * Every request's path and decoded query is recorded.
 */
public final class FakeHttp implements AutoCloseable {

    /** One canned answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body, Map.of());
        }

        public static Answer status(int status) {
            return new Answer(status, "text/plain", "", Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Function<HttpExchange, Answer>> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    public FakeHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code path} (exact, without the query) with whatever {@code answer} returns for the request. */
    public FakeHttp route(String path, Function<HttpExchange, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    public FakeHttp route(String path, Answer answer) {
        return route(path, exchange -> answer);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** "path?decoded query" of each request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int count() {
        return count.get();
    }

    /** The decoded query string of a request (Prometheus' {@code query=...}). */
    public static String query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange exchange) throws IOException {
        count.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        requests.add(path + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + query(exchange)));
        Function<HttpExchange, Answer> route = routes.get(path);
        Answer answer = route == null ? Answer.status(404) : route.apply(exchange);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
