package ru.mpgu.lab.checks;

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

/** Small blocking HTTP/JSON helper for checks against the running stack. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri, Duration timeout) throws IOException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("прервано", e);
        }
    }

    static JsonNode getJson(URI uri) throws IOException {
        HttpResponse<String> response = get(uri, Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IOException(uri + " ответил HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Runs an instant query through Prometheus' HTTP API and returns data.result. */
    static JsonNode promQuery(URI prometheus, String query) throws IOException {
        JsonNode body = getJson(prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (!"success".equals(body.path("status").asText())) {
            throw new IOException("Prometheus отклонил запрос «" + query + "»: " + body.path("error").asText());
        }
        return body.path("data").path("result");
    }

    /** The first sample's value of an instant vector, or NaN when the vector is empty. */
    static double promScalar(URI prometheus, String query) throws IOException {
        JsonNode result = promQuery(prometheus, query);
        return result.size() == 0 ? Double.NaN : result.get(0).path("value").path(1).asDouble(Double.NaN);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
