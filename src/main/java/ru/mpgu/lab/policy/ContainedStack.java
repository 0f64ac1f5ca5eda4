package ru.mpgu.lab.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the compose file the grader really runs: the checked model itself (so nothing unchecked can come back
 * in), with the stack on an internal network (no route out of the machine), no ports of its own, a pids limit
 * per service, and one grader-owned proxy, {@value #EDGE}, that alone publishes nginx, Prometheus and Grafana on
 * 127.0.0.1. On Docker 20.10 a container only on an internal network gets no published port, hence the proxy.
 */
public final class ContainedStack {

    public static final String EDGE = "lab-edge";
    /** Enough for gunicorn, PostgreSQL with 60 connections, Prometheus and Grafana; stops a fork bomb. */
    public static final int PIDS_LIMIT = 256;
    static final String EDGE_IMAGE = "nginx:1.30-alpine";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Host ports on 127.0.0.1 for nginx, Prometheus and Grafana. */
    public record Ports(int http, int prometheus, int grafana) {
    }

    private ContainedStack() {
    }

    /** Writes compose.json and edge.conf into {@code dir} (a grader-owned folder) and returns the compose file. */
    public static Path write(JsonNode checkedModel, Ports ports, Path dir) {
        try {
            Files.createDirectories(dir);
            Path edgeConf = dir.resolve("edge.conf");
            Files.writeString(edgeConf, edgeConfig(), StandardCharsets.UTF_8);
            Path file = dir.resolve("compose.json");
            Files.writeString(file, JSON.writeValueAsString(contain(checkedModel, ports, edgeConf)), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode contain(JsonNode checkedModel, Ports ports, Path edgeConf) {
        ObjectNode model = JSON.createObjectNode();
        ObjectNode services = model.putObject("services");
        checkedModel.path("services").fields().forEachRemaining(e -> {
            ObjectNode svc = ((ObjectNode) e.getValue()).deepCopy();
            dropNulls(svc);
            svc.remove("ports");
            // deploy.resources.limits.pids, not pids_limit: compose refuses both at once, and the checked model may carry one.
            ObjectNode limits = svc.with("deploy").with("resources").with("limits");
            limits.put("pids", PIDS_LIMIT);
            // On an internal network Docker's embedded DNS forwards unknown names (a stopped db, say) to upstream
            // resolvers it cannot reach and waits ~20 s; a refused loopback upstream and short timeouts fail in ~2 s.
            svc.putArray("dns").add("127.0.0.1");
            svc.putArray("dns_opt").add("timeout:1").add("attempts:1");
            svc.putArray("dns_search").add(".");
            services.set(e.getKey(), svc);
        });
        services.set(EDGE, edge(ports, edgeConf));
        ObjectNode volumes = model.putObject("volumes");
        // Names compose derived from the submission's folder are dropped: -p gives each graded stack its own.
        checkedModel.path("volumes").fieldNames().forEachRemaining(v -> volumes.putObject(v));
        ObjectNode networks = model.putObject("networks");
        networks.putObject("default").put("internal", true);
        networks.putObject("edge");
        return model;
    }

    private static ObjectNode edge(Ports ports, Path edgeConf) {
        ObjectNode edge = JSON.createObjectNode();
        edge.put("image", EDGE_IMAGE);
        edge.put("pull_policy", "never");
        ArrayNode published = edge.putArray("ports");
        for (int[] p : List.of(new int[]{ports.http(), 8000}, new int[]{ports.prometheus(), 9090}, new int[]{ports.grafana(), 3000})) {
            published.addObject().put("host_ip", "127.0.0.1").put("published", String.valueOf(p[0]))
                    .put("target", p[1]).put("protocol", "tcp");
        }
        edge.putArray("volumes").addObject().put("type", "bind").put("source", edgeConf.toAbsolutePath().toString())
                .put("target", "/etc/nginx/conf.d/default.conf").put("read_only", true);
        edge.putArray("networks").add("default").add("edge");
        edge.putObject("deploy").putObject("resources").putObject("limits").put("memory", "64M").put("pids", 64);
        return edge;
    }

    /** Plain HTTP forwarding; names resolved at request time, so the proxy starts before the stack answers. */
    static String edgeConfig() {
        StringBuilder conf = new StringBuilder("# Written by the grader: the only way into a graded stack, from 127.0.0.1.\n")
                .append("resolver 127.0.0.11 valid=2s ipv6=off;\n");
        for (Map.Entry<Integer, String> e : Map.of(8000, "nginx:80", 9090, "prometheus:9090", 3000, "grafana:3000").entrySet()) {
            String upstream = "lab_" + e.getValue().replaceAll("[^a-z]", "");
            conf.append("upstream ").append(upstream).append(" { zone ").append(upstream).append(" 64k; server ")
                    .append(e.getValue()).append(" resolve; keepalive 32; }\n")
                    .append("server {\n  listen ").append(e.getKey()).append(";\n  access_log off;\n")
                    .append("  location / {\n    proxy_pass http://").append(upstream).append(";\n")
                    .append("    proxy_http_version 1.1;\n    proxy_set_header Connection \"\";\n")
                    .append("    proxy_set_header Host $http_host;\n    proxy_connect_timeout 2s;\n    proxy_read_timeout 60s;\n")
                    .append("  }\n}\n");
        }
        return conf.toString();
    }

    private static void dropNulls(ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull() && !e.getKey().equals("default")) {
                it.remove();
            } else if (e.getValue().isObject()) {
                dropNulls((ObjectNode) e.getValue());
            }
        }
    }
}
