package ru.mpgu.lab.selftest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ru.mpgu.lab.stack.CommandRunner;
import ru.mpgu.lab.stack.LabStack;
import ru.mpgu.lab.stack.StaleStacks;

/** The lab's own compose file on the Docker test bed: boots, serves, scales to 3, survives a database outage. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackEndToEndIT {

    private static LabStack stack;

    @BeforeAll
    static void boot() {
        stack = new LabStack(Fixtures.TEMPLATE, Duration.ofSeconds(180), m -> System.out.println("[e2e] " + m));
        long start = System.nanoTime();
        stack.start();
        System.out.printf("[e2e] стенд поднят за %.1f с%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void tearDown() {
        if (stack != null) {
            String project = stack.projectName();
            stack.close();
            assertThat(StaleStacks.graderProjects()).doesNotContain(project);
        }
    }

    @Test
    @Order(1)
    void ordersAnswersJsonThroughNginxWithTheReplicaName() {
        given().baseUri(stack.httpUrl().toString())
                .when().get("/orders?limit=5")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("X-Served-By", notNullValue())
                .body("count", org.hamcrest.Matchers.equalTo(5))
                .body("orders[0].customer.orders_total", greaterThan(0))
                .body("served_by", notNullValue());
    }

    @Test
    @Order(2)
    void badLimitIsA400WithJsonNotA500() {
        for (String limit : new String[] {"abc", "0", "-1", "100000"}) {
            given().baseUri(stack.httpUrl().toString()).when().get("/orders?limit=" + limit)
                    .then().statusCode(400).contentType(containsString("application/json"))
                    .body("error", notNullValue());
        }
    }

    @Test
    @Order(3)
    void appTestsPassInsideTheWebImage() {
        CommandRunner.Result tests = stack.compose(Duration.ofMinutes(5), "run", "--rm", "--no-deps", "-T",
                "web", "python", "manage.py", "test", "--noinput", "-v", "1");
        System.out.println(LabStackOutput.tail(tests.output(), 8));
        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).containsPattern("Ran \\d+ tests").contains("OK");
    }

    @Test
    @Order(4)
    void scaledToThreeReplicasNginxAndPrometheusSeeAllOfThem() {
        stack.scaleWeb(3, Duration.ofSeconds(90));
        stack.services().forEach(s -> System.out.printf("[e2e]   %-12s %-8s %s%n", s.service(), s.state(), s.health()));
        pause(5);
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Response r = given().baseUri(stack.httpUrl().toString()).when().get("/orders?limit=1");
            assertThat(r.statusCode()).isEqualTo(200);
            served.merge(r.header("X-Served-By"), 1, Integer::sum);
        }
        assertThat(served).as("replicas that answered").hasSize(3);
        assertThat(served.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(60));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String up = "";
        while (System.nanoTime() < deadline) {
            up = given().baseUri(stack.prometheusUrl().toString()).queryParam("query", "count(up{job=\"web\"} == 1)")
                    .when().get("/api/v1/query").then().statusCode(200).extract().path("data.result[0].value[1]");
            if ("3".equals(up)) {
                break;
            }
            pause(1);
        }
        assertThat(up).as("web targets up in Prometheus").isEqualTo("3");
    }

    @Test
    @Order(5)
    void withTheDatabaseDownOrdersIsA503FastAndMetricsStillAnswer() {
        assertThat(stack.compose(Duration.ofSeconds(60), "stop", "db").exitCode()).isZero();
        try {
            URI base = stack.httpUrl();
            long start = System.nanoTime();
            given().baseUri(base.toString()).when().get("/orders").then().statusCode(503)
                    .contentType(containsString("application/json"));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[e2e] /orders без базы: 503 за %.2f с%n", seconds);
            assertThat(seconds).as("503 without the database").isLessThan(3.0);
            given().baseUri(base.toString()).when().get("/healthz").then().statusCode(200);
        } finally {
            assertThat(stack.compose(Duration.ofSeconds(90), "start", "db").exitCode()).isZero();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = given().baseUri(stack.httpUrl().toString()).when().get("/orders").statusCode();
            pause(1);
        }
        assertThat(status).as("/orders after the database is back").isEqualTo(200);
    }

    @Test
    @Order(6)
    void grafanaServesTheProvisionedDashboardAndDatasource() {
        given().baseUri(stack.grafanaUrl().toString()).when().get("/api/dashboards/uid/django-lab")
                .then().statusCode(200).body("dashboard.panels.size()", greaterThan(3))
                .body("meta.provisioned", org.hamcrest.Matchers.equalTo(true));
        given().baseUri(stack.grafanaUrl().toString()).when().get("/api/datasources")
                .then().statusCode(200).body("[0].uid", org.hamcrest.Matchers.equalTo("lab-prometheus"));
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the console readable: only the end of a long command output. */
    static final class LabStackOutput {
        static String tail(String text, int lines) {
            String[] all = text.split("\\R");
            return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
        }
    }
}
