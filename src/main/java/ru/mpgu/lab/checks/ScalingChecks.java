package ru.mpgu.lab.checks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.measure.load.HeaderValueCounter;
import ru.mpgu.lab.measure.load.LoadResult;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.probe.Polled;
import ru.mpgu.lab.probe.Poller;
import ru.mpgu.lab.probe.StackHttp;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.ReportRun;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.stack.LiveStack;

/** Task 4: after --scale web=3, nginx spreads the requests and Prometheus sees three replicas. */
public final class ScalingChecks {

    /** nginx re-resolves `web` every 2 s (resolver valid=2s): a few periods at most before counting. */
    static final Duration DNS_SETTLE = Duration.ofSeconds(5);

    private ScalingChecks() {
    }

    public static CheckOutcome requestsSpreadOverReplicas(LabRun lab, Check check) {
        int replicas = check.intParam("replicas", 3);
        return StackChecks.onStack(lab, check, replicas, stack -> {
            nginxAnswersFromReplicas(stack, lab.check("load.no_errors").stringParam("url_path", "/orders"), replicas);
            HeaderValueCounter servedBy = new HeaderValueCounter("X-Served-By");
            LoadResult result = LoadChecks.load(lab, stack, lab.check("load.no_errors"), servedBy, "нагрузка (3 реплики)");
            lab.measured("rps_3_replicas", result.requestsPerSec());
            lab.measured("latency_avg_ms_3_replicas", result.latency().meanUs() / 1000);
            Map<String, Long> counts = servedBy.counts();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            int minRequests = check.intParam("requests", 300);
            if (total < minRequests) {
                return CheckOutcome.failed(check.id(), "за нагрузку получено только " + total + " ответов с заголовком X-Served-By (нужно ≥ "
                        + minRequests + "): стенд отвечает слишком медленно или с ошибками");
            }
            double minShare = check.doubleParam("min_share_per_replica", 0.15);
            List<String> shares = new ArrayList<>();
            counts.forEach((replica, n) -> shares.add(String.format("%s: %.0f %%", replica, 100.0 * n / total)));
            if (counts.size() < replicas) {
                return CheckOutcome.failed(check.id(), "запросы получили только " + counts.size() + " реплик из " + replicas
                        + " (" + String.join(", ", shares) + "): nginx не распределяет нагрузку по всем репликам web");
            }
            boolean balanced = counts.values().stream().allMatch(n -> (double) n / total >= minShare);
            if (!balanced) {
                return CheckOutcome.partial(check.id(), 0.5, "реплик " + counts.size() + ", но доли неравные ("
                        + String.join(", ", shares) + "), у каждой должно быть ≥ " + Math.round(minShare * 100) + " %");
            }
            return CheckOutcome.passed(check.id(), total + " запросов разошлись по " + counts.size() + " репликам: "
                    + String.join(", ", shares));
        });
    }

    /**
     * Until sequential requests through nginx come back from {@code replicas} different replicas (X-Served-By), at
     * most {@link #DNS_SETTLE}. Waiting for the new replicas to turn healthy usually covers nginx's re-resolving, so
     * this returns after a few requests; a stack without the header waits the whole settle time, as before.
     */
    static boolean nginxAnswersFromReplicas(LiveStack stack, String path, int replicas) {
        return nginxAnswersFromReplicas(stack, path, replicas, DNS_SETTLE);
    }

    static boolean nginxAnswersFromReplicas(LiveStack stack, String path, int replicas, Duration atMost) {
        URI uri = stack.httpUrl().resolve(path);
        Set<String> seen = new HashSet<>();
        return Poller.retrying(atMost, Duration.ofMillis(250), () -> {
            for (int i = 0; i < 2 * replicas && seen.size() < replicas; i++) {
                StackHttp.CHECKS.get(uri, Duration.ofSeconds(3)).headers().firstValue("X-Served-By").ifPresent(seen::add);
            }
            return seen.size();
        }, n -> n >= replicas).reached();
    }

    public static CheckOutcome prometheusSeesReplicas(LabRun lab, Check check) {
        return StackChecks.onStack(lab, check, check.intParam("expected_up", 3), stack -> prometheusSeesReplicas(stack, check));
    }

    /** Prometheus' targets: within wait_seconds, expected_up replicas of the job are up (discovered through DNS). */
    static CheckOutcome prometheusSeesReplicas(LiveStack stack, Check check) {
        int expected = check.intParam("expected_up", 3);
        String query = "count(up{job=\"" + check.stringParam("job", "web") + "\"} == 1)";
        Polled<Double> targets = Poller.until(Duration.ofSeconds(check.intParam("wait_seconds", 60)), Duration.ofSeconds(1),
                () -> StackHttp.CHECKS.promScalar(stack.prometheusUrl(), query), up -> !Double.isNaN(up) && up >= expected);
        if (targets.error() != null) {
            return CheckOutcome.failed(check.id(), "Prometheus не ответил: " + targets.error().getMessage());
        }
        double up = targets.lastValue().orElse(Double.NaN);
        if (Double.isNaN(up) || up < expected) {
            return CheckOutcome.failed(check.id(), String.format("Prometheus видит работающих реплик web: %s вместо %d: "
                    + "опрашивайте все реплики через dns_sd_configs (имя web)", Double.isNaN(up) ? "0" : String.format("%.0f", up), expected));
        }
        return CheckOutcome.passed(check.id(), String.format("Prometheus видит работающих реплик web: %.0f (через %.0f с после масштабирования)",
                up, targets.waited().toMillis() / 1e3));
    }

    /** The 3-replica wrk run: valid, consistent, and not a copy of the first run. */
    public static CheckOutcome secondRunReported(LabRun lab, Check check) {
        LabReport report = lab.report();
        CheckOutcome valid = ru.mpgu.lab.variant.OwnStand.wrkOutput(WrkChecks.outputValid(check, report.threeReplicas(), ReportRun.THREE_REPLICAS.title()),
                WrkChecks.parse(report.threeReplicas()), lab.stand(), ReportRun.THREE_REPLICAS.title(),
                ru.mpgu.lab.rubric.params.CheckParams.variantRequired(check));
        if (valid.fraction() == 0) {
            return valid;
        }
        CheckOutcome consistent = WrkChecks.consistent(check, report.threeReplicas(), ReportRun.THREE_REPLICAS.title());
        Optional<WrkResult> first = WrkChecks.parse(report.oneReplica());
        Optional<WrkResult> second = WrkChecks.parse(report.threeReplicas());
        if (first.isPresent() && second.isPresent() && first.get().requests() == second.get().requests()
                && first.get().latency().equals(second.get().latency())) {
            return CheckOutcome.failed(check.id(), "вывод wrk второго прогона совпадает с первым: повторите wrk после --scale web=3");
        }
        double fraction = (valid.fraction() + consistent.fraction()) / 2;
        List<String> details = new ArrayList<>(consistent.details());
        if (fraction >= 1) {
            return CheckOutcome.passed(check.id(), valid.message()).withDetails(details);
        }
        String message = (valid.fraction() < 1 ? valid.message() + "; " : "") + consistent.message();
        return CheckOutcome.partial(check.id(), fraction, message).withDetails(details);
    }

}
