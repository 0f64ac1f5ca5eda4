package ru.mpgu.lab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.stack.LiveStack;
import ru.mpgu.lab.stack.ServiceState;
import ru.mpgu.lab.testing.FakeHttp;
import ru.mpgu.lab.testing.FakeHttp.Answer;

/** The live checks against fake nginx, Prometheus and Grafana on loopback, with the real rubric's parameters. */
class LiveChecksAgainstFakesTest {

    private static final Rubric RUBRIC = RubricLoader.load(Path.of("rubric.yaml").toAbsolutePath());

    private FakeHttp nginx;
    private FakeHttp prometheus;
    private FakeHttp grafana;
    private List<ServiceState> services = List.of();
    private LiveStack stack;

    @BeforeEach
    void start() throws Exception {
        nginx = new FakeHttp();
        prometheus = new FakeHttp();
        grafana = new FakeHttp();
        stack = new LiveStack() {
            @Override
            public URI httpUrl() {
                return nginx.url();
            }

            @Override
            public URI prometheusUrl() {
                return prometheus.url();
            }

            @Override
            public URI grafanaUrl() {
                return grafana.url();
            }

            @Override
            public List<ServiceState> services() {
                return services;
            }
        };
    }

    @AfterEach
    void stop() {
        nginx.close();
        prometheus.close();
        grafana.close();
    }

    private static Check check(String id) {
        return RUBRIC.check(id).orElseThrow();
    }

    /** The rubric's check with some parameters changed (a shorter wait). */
    private static Check check(String id, Map<String, Object> params) {
        Check c = check(id);
        Map<String, Object> all = new HashMap<>(c.params());
        all.putAll(params);
        return new Check(c.id(), c.title(), c.points(), c.hint(), all, c.answer(), c.gate(), c.requires());
    }

    private static String vector(double... values) {
        StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"metric\":{},\"value\":[1764624600,\"").append(values[i]).append("\"]}");
        }
        return sb.append("]}}").toString();
    }

    // --- launch.stack_boots: the services docker compose reports

    @Test
    void stackBootsWhenEveryRequiredServiceRuns() {
        services = List.of("web", "db", "nginx", "prometheus", "grafana").stream()
                .map(s -> new ServiceState("lab-" + s + "-1", s, "running", s.equals("db") ? "healthy" : "", 0)).toList();
        assertThat(StackChecks.stackBoots(stack, check("launch.stack_boots")).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void stackBootsFailsNamingAnUnhealthyService() {
        services = List.of(new ServiceState("lab-web-1", "web", "running", "", 0),
                new ServiceState("lab-db-1", "db", "running", "unhealthy", 0));
        CheckOutcome o = StackChecks.stackBoots(stack, check("launch.stack_boots"));
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("db").contains("nginx").doesNotContain("web,");
    }

    // --- scaling.balanced: before counting, nginx answers from every new replica

    @Test
    void settleEndsAsSoonAsNginxAnswersFromEveryReplica() {
        AtomicInteger n = new AtomicInteger();
        nginx.route("/orders", exchange -> new Answer(200, "application/json", "{}",
                Map.of("X-Served-By", "web-" + (1 + n.getAndIncrement() % 3))));
        assertThat(ScalingChecks.nginxAnswersFromReplicas(stack, "/orders", 3, Duration.ofSeconds(5))).isTrue();
        assertThat(nginx.count()).isEqualTo(3);
    }

    @Test
    void settleWaitsWhileNginxStillKnowsOneReplicaAndGoesOnOnceItKnowsThree() {
        AtomicInteger n = new AtomicInteger();
        // nginx re-resolves `web` after its 8th answer: from then on three replicas answer in turn
        nginx.route("/orders", exchange -> {
            int i = n.getAndIncrement();
            return new Answer(200, "application/json", "{}", Map.of("X-Served-By", i < 8 ? "web-1" : "web-" + (1 + i % 3)));
        });
        assertThat(ScalingChecks.nginxAnswersFromReplicas(stack, "/orders", 3, Duration.ofSeconds(5))).isTrue();
        assertThat(nginx.count()).isGreaterThan(8);
    }

    @Test
    void settleGivesUpAfterItsTimeWhenOnlyOneReplicaAnswers() {
        nginx.route("/orders", new Answer(200, "application/json", "{}", Map.of("X-Served-By", "web-1")));
        assertThat(ScalingChecks.nginxAnswersFromReplicas(stack, "/orders", 3, Duration.ofMillis(600))).isFalse();
        assertThat(nginx.count()).isGreaterThan(6);
    }

    // --- launch.orders_json: nginx → /orders

    @Test
    void ordersPassesWithJsonOrdersThroughNginx() {
        nginx.route("/orders", new Answer(200, "application/json", "{\"orders\":[{\"id\":1},{\"id\":2}]}",
                Map.of("X-Served-By", "172.18.0.5:8000")));
        CheckOutcome o = StackChecks.ordersJson(stack, check("launch.orders_json"));
        assertThat(o.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(o.message()).contains("заказов: 2").contains("172.18.0.5:8000");
    }

    @Test
    void ordersFailsOnA502FromNginx() {
        nginx.route("/orders", Answer.status(502));
        CheckOutcome o = StackChecks.ordersJson(stack, check("launch.orders_json"));
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("HTTP 502").contains("nginx не получил ответа от web");
    }

    @Test
    void ordersFailsOnHtmlAndIsPartialOnAnEmptyList() {
        nginx.route("/orders", new Answer(200, "text/html", "<h1>Welcome to nginx</h1>", Map.of()));
        assertThat(StackChecks.ordersJson(stack, check("launch.orders_json")).status()).isEqualTo(CheckStatus.FAILED);
        nginx.route("/orders", Answer.json("{\"orders\":[]}"));
        CheckOutcome empty = StackChecks.ordersJson(stack, check("launch.orders_json"));
        assertThat(empty.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(empty.fraction()).isEqualTo(0.5);
    }

    // --- scaling.prometheus_targets: count(up{job="web"} == 1)

    @Test
    void targetsPassOnceThreeReplicasAreUp() {
        AtomicInteger queries = new AtomicInteger();
        prometheus.route("/api/v1/query", exchange -> Answer.json(queries.incrementAndGet() < 3 ? vector(1) : vector(3)));
        CheckOutcome o = ScalingChecks.prometheusSeesReplicas(stack, check("scaling.prometheus_targets", Map.of("wait_seconds", 10)));
        assertThat(o.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(o.message()).contains("реплик web: 3");
        assertThat(queries).hasValue(3);
        assertThat(prometheus.requests()).allMatch(r -> r.equals("/api/v1/query?query=count(up{job=\"web\"} == 1)"));
    }

    @Test
    void targetsFailWithinTheirWaitWhenOnlyOneReplicaIsScraped() {
        prometheus.route("/api/v1/query", Answer.json(vector(1)));
        long start = System.nanoTime();
        CheckOutcome o = ScalingChecks.prometheusSeesReplicas(stack, check("scaling.prometheus_targets", Map.of("wait_seconds", 2)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("1 вместо 3").contains("dns_sd_configs");
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        assertThat(prometheus.count()).isBetween(2, 4);
    }

    @Test
    void targetsFailAtOnceWhenPrometheusRejectsTheQuery() {
        prometheus.route("/api/v1/query", Answer.json("{\"status\":\"error\",\"error\":\"parse error\"}"));
        CheckOutcome o = ScalingChecks.prometheusSeesReplicas(stack, check("scaling.prometheus_targets", Map.of("wait_seconds", 30)));
        assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(o.message()).contains("Prometheus не ответил").contains("parse error");
        assertThat(prometheus.count()).isEqualTo(1);
    }

    // --- metrics.dashboard_queries: every panel's query returns data

    private void dashboard() {
        grafana.route("/api/search", Answer.json("[{\"uid\":\"django-lab\",\"title\":\"Django\"}]"));
        grafana.route("/api/dashboards/uid/django-lab", Answer.json("""
                {"dashboard":{"uid":"django-lab","panels":[
                  {"title":"Запросов в секунду","targets":[{"expr":"sum(rate(http_requests_total[$__rate_interval]))"}]},
                  {"type":"row","title":"База","panels":[
                    {"title":"Задержка","targets":[{"expr":"histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))"}]}
                  ]},
                  {"title":"Текст","type":"text"}
                ]}}"""));
    }

    @Test
    void dashboardPassesWhenEveryPanelQueryHasData() {
        dashboard();
        prometheus.route("/api/v1/query", Answer.json(vector(12.5)));
        CheckOutcome o = MetricsChecks.dashboardPanelsHaveData(stack, check("metrics.dashboard_queries"));
        assertThat(o.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(o.message()).contains("все 2 запросов");
        // Grafana's macros are expanded before the query reaches Prometheus, the row's inner panel is queried too
        assertThat(prometheus.requests()).hasSize(2).allMatch(r -> r.contains("[30s]") && !r.contains("$__"));
        assertThat(grafana.requests()).contains("/api/search?type=dash-db");
    }

    @Test
    void dashboardIsPartialWhenAPanelHasNoData() {
        dashboard();
        prometheus.route("/api/v1/query", exchange -> Answer.json(FakeHttp.query(exchange).contains("histogram_quantile")
                ? vector() : vector(12.5)));
        CheckOutcome o = MetricsChecks.dashboardPanelsHaveData(stack, check("metrics.dashboard_queries"));
        assertThat(o.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(o.fraction()).isEqualTo(0.5);
        assertThat(o.details()).anyMatch(d -> d.startsWith("✗ нет данных: «Задержка»"));
    }

    @Test
    void dashboardFailsWithoutAnyDashboardOrWhenGrafanaIsDown() {
        grafana.route("/api/search", Answer.json("[]"));
        CheckOutcome none = MetricsChecks.dashboardPanelsHaveData(stack, check("metrics.dashboard_queries"));
        assertThat(none.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(none.message()).contains("нет ни одного dashboard");

        grafana.route("/api/search", Answer.status(500));
        CheckOutcome down = MetricsChecks.dashboardPanelsHaveData(stack, check("metrics.dashboard_queries"));
        assertThat(down.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(down.message()).contains("Grafana или Prometheus не ответили").contains("HTTP 500");
    }
}
