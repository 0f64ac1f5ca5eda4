package ru.mpgu.lab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.measure.load.LoadResult;
import ru.mpgu.lab.probe.Polled;
import ru.mpgu.lab.probe.Poller;
import ru.mpgu.lab.probe.StackHttp;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.stack.LiveStack;

/** Task 3: Prometheus counts the requests, and every panel of the provisioned Grafana dashboard has data. */
public final class MetricsChecks {

    private static final Duration SCRAPE_WAIT = Duration.ofSeconds(30);

    private MetricsChecks() {
    }

    public static CheckOutcome counterGrowsUnderLoad(LabRun lab, Check check) {
        return StackChecks.onStack(lab, check, 1, stack -> {
            String query = "sum(" + check.stringParam("metric", "http_requests_total") + "{job=\""
                    + check.stringParam("job", "web") + "\"})";
            try {
                double before = StackHttp.CHECKS.promScalar(stack.prometheusUrl(), query);
                // Task 2's load, but only as long as the counter needs: min_increase requests take 2 s at one replica
                LoadResult load = LoadChecks.load(lab, stack, lab.check("load.no_errors"),
                        Duration.ofSeconds(check.intParam("load_seconds", 10)), null, "метрики");
                double expected = Math.min(check.doubleParam("min_increase", 50), load.requests());
                // Prometheus scrapes every 5 s: wait for the increase to show up
                Polled<Double> scraped = Poller.until(SCRAPE_WAIT, Duration.ofSeconds(2),
                        () -> StackHttp.CHECKS.promScalar(stack.prometheusUrl(), query),
                        after -> !Double.isNaN(after) && (Double.isNaN(before) ? after : after - before) >= expected);
                if (scraped.error() != null) {
                    throw scraped.error();
                }
                double after = scraped.lastValue().orElse(before);
                if (Double.isNaN(after)) {
                    return CheckOutcome.failed(check.id(), "в Prometheus нет метрики " + query
                            + ": web не отдаёт /metrics или Prometheus его не опрашивает (http://localhost:9090/targets)");
                }
                double increase = Double.isNaN(before) ? after : after - before;
                if (increase < expected) {
                    return CheckOutcome.failed(check.id(), String.format("под нагрузкой в %d запросов %s выросла только на %.0f",
                            load.requests(), query, increase));
                }
                return CheckOutcome.passed(check.id(), String.format("%s выросла на %.0f за нагрузку в %d запросов",
                        query, increase, load.requests()));
            } catch (Exception e) {
                return CheckOutcome.failed(check.id(), "Prometheus не ответил: " + e.getMessage());
            }
        });
    }

    public static CheckOutcome dashboardPanelsHaveData(LabRun lab, Check check) {
        return StackChecks.onStack(lab, check, 1, stack -> dashboardPanelsHaveData(stack, check));
    }

    /** Every Prometheus query of every provisioned dashboard's panels returns data. */
    static CheckOutcome dashboardPanelsHaveData(LiveStack stack, Check check) {
        try {
            JsonNode search = StackHttp.CHECKS.getJson(stack.grafanaUrl().resolve("/api/search?type=dash-db"));
            if (search.size() == 0) {
                return CheckOutcome.failed(check.id(), "в Grafana нет ни одного dashboard: проверьте grafana/provisioning/dashboards");
            }
            List<String> good = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            for (JsonNode hit : search) {
                JsonNode board = StackHttp.CHECKS.getJson(stack.grafanaUrl().resolve("/api/dashboards/uid/"
                        + URLEncoder.encode(hit.path("uid").asText(), StandardCharsets.UTF_8))).path("dashboard");
                for (JsonNode panel : panels(board)) {
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asText("");
                        if (expr.isBlank()) {
                            continue;
                        }
                        String title = panel.path("title").asText("без названия");
                        JsonNode result = StackHttp.CHECKS.promQuery(stack.prometheusUrl(), withGrafanaMacros(expr));
                        (result.size() > 0 ? good : empty).add("«" + title + "»: " + expr);
                    }
                }
            }
            int total = good.size() + empty.size();
            if (total < check.intParam("min_panels", 1)) {
                return CheckOutcome.failed(check.id(), "в dashboard нет панелей с запросами к Prometheus");
            }
            List<String> details = new ArrayList<>();
            good.forEach(s -> details.add("✓ " + s));
            empty.forEach(s -> details.add("✗ нет данных: " + s));
            if (empty.isEmpty()) {
                return CheckOutcome.passed(check.id(), "все " + total + " запросов панелей возвращают данные").withDetails(details);
            }
            double fraction = (double) good.size() / total;
            String message = "панели без данных: " + empty.size() + " из " + total;
            return (good.isEmpty() ? CheckOutcome.failed(check.id(), message) : CheckOutcome.partial(check.id(), fraction, message))
                    .withDetails(details);
        } catch (Exception e) {
            return CheckOutcome.failed(check.id(), "Grafana или Prometheus не ответили: " + e.getMessage());
        }
    }

    /** Panels, including those folded inside rows. */
    static List<JsonNode> panels(JsonNode board) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : board.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    /** Grafana expands these before a query reaches Prometheus; do the same with the dashboard's usual values. */
    static String withGrafanaMacros(String expr) {
        return expr.replace("$__rate_interval", "30s").replace("${__rate_interval}", "30s")
                .replace("$__interval", "15s").replace("${__interval}", "15s")
                .replace("$__range", "5m").replace("${__range}", "5m");
    }

}
