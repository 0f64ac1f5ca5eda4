package ru.mpgu.lab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;
import ru.mpgu.lab.grading.LabRun;
import ru.mpgu.lab.probe.StackHttp;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.stack.LiveStack;
import ru.mpgu.lab.stack.ServiceState;
import ru.mpgu.lab.stack.StackException;

/** Task 1: the compose stack boots and /orders answers through nginx. */
public final class StackChecks {

    private StackChecks() {
    }

    public static CheckOutcome stackBoots(LabRun lab, Check check) {
        return onStack(lab, check, 1, stack -> stackBoots(stack, check));
    }

    /** Every required service is running (and healthy, where it has a health check). */
    static CheckOutcome stackBoots(LiveStack stack, Check check) {
        List<ServiceState> states = stack.services();
        Set<String> running = states.stream().filter(ServiceState::healthyOrNoCheck).map(ServiceState::service)
                .collect(Collectors.toSet());
        List<String> missing = check.listParam("required_services").stream().filter(s -> !running.contains(s)).toList();
        if (!missing.isEmpty()) {
            return CheckOutcome.failed(check.id(), "не работают сервисы: " + String.join(", ", missing)
                    + " (docker compose ps покажет их состояние, docker compose logs ИМЯ — причину)");
        }
        return CheckOutcome.passed(check.id(), "docker compose up запускает все сервисы: "
                + String.join(", ", check.listParam("required_services")));
    }

    public static CheckOutcome ordersJson(LabRun lab, Check check) {
        return onStack(lab, check, 1, stack -> ordersJson(stack, check));
    }

    /** GET /orders through nginx: the expected status, JSON, a non-empty list of orders. */
    static CheckOutcome ordersJson(LiveStack stack, Check check) {
        String path = check.stringParam("url_path", "/orders");
        HttpResponse<String> response;
        try {
            response = StackHttp.CHECKS.get(stack.httpUrl().resolve(path),
                    Duration.ofSeconds(check.intParam("request_timeout_seconds", 10)));
        } catch (Exception e) {
            return CheckOutcome.failed(check.id(), "nginx не ответил на " + path + ": " + e.getMessage());
        }
        int expected = check.intParam("expected_status", 200);
        if (response.statusCode() != expected) {
            return CheckOutcome.failed(check.id(), path + " через nginx вернул HTTP " + response.statusCode()
                    + " вместо " + expected + (response.statusCode() == 502 ? " (502: nginx не получил ответа от web)" : ""));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains(check.stringParam("content_type", "application/json"))) {
            return CheckOutcome.failed(check.id(), path + " вернул не JSON, а «" + type + "»");
        }
        try {
            JsonNode body = StackHttp.JSON.readTree(response.body());
            JsonNode orders = body.path("orders");
            if (!orders.isArray() || orders.size() == 0) {
                return CheckOutcome.partial(check.id(), 0.5, path + " отдаёт JSON, но в нём нет непустого списка orders "
                        + "(база не заполнена? проверьте docker compose logs setup)");
            }
            return CheckOutcome.passed(check.id(), path + " через nginx: HTTP 200, JSON, заказов: " + orders.size()
                    + ", ответила реплика " + response.headers().firstValue("X-Served-By").orElse("?"));
        } catch (Exception e) {
            return CheckOutcome.failed(check.id(), path + " объявляет JSON, но тело не разбирается: " + e.getMessage());
        }
    }

    /**
     * Runs a check against the stack (scaled to {@code replicas} web replicas first). A stack that could not
     * be started or scaled becomes the check's outcome: the student's fault, or the machine's.
     */
    static CheckOutcome onStack(LabRun lab, Check check, int replicas, Function<LiveStack, CheckOutcome> body) {
        LiveStack stack;
        try {
            stack = lab.stack();
            if (replicas > 1) {
                lab.scaleWeb(replicas);
            }
        } catch (StackException e) {
            return asOutcome(check.id(), e);
        }
        return body.apply(stack);
    }

    static CheckOutcome asOutcome(String checkId, StackException e) {
        return e.kind().infrastructure()
                ? CheckOutcome.infra(checkId, e.getMessage())
                : CheckOutcome.failed(checkId, e.kind(), "стенд не запустился: " + e.getMessage());
    }
}
