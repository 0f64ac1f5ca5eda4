package ru.mpgu.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import ru.mpgu.lab.demo.DemoOutputs;
import ru.mpgu.lab.demo.RuText;
import ru.mpgu.lab.testing.FakeLabServer;
import ru.mpgu.lab.testing.PngInk;

class DemoCommandTest {

    /** A table row: connections, Requests/sec, avg ms, p99 ms, errors. */
    private static final Pattern ROW = Pattern.compile(
            "^ {0,10}(\\d+) +(\\d+,\\d) +(\\d+,\\d{1,2}) +(\\d+,\\d{1,2}) +(\\d+)$", Pattern.MULTILINE);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private FakeLabServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int run(String... args) {
        return run(null, args);
    }

    /** @param fake scaled by --no-scale's manual step instead of waiting for a person; null: none */
    private int run(FakeLabServer fake, String... args) {
        CommandLine cmd = LabCli.newCommandLine();
        if (fake != null) {
            ((DemoCommand) cmd.getSubcommands().get("demo").getCommand()).manualScaling = fake::scaleWeb;
        }
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void fakeRunPrintsLiveTableComparisonConclusionAndSavesEverything(@TempDir Path dir) throws IOException {
        // 20 ms a request: the replicas, not the (possibly busy) machine, set the throughput, so the two lines part
        server = new FakeLabServer(1, 20);
        Path outDir = dir.resolve("demo");
        String base = server.url("");   // no path: the demo adds --path (/orders)

        int code = run(server, "demo", "--url", base, "--no-scale", "--levels", "4,1", "--step", "1s", "--warmup", "1s",
                "--out", outDir.toString());

        String text = out.toString();
        assertThat(code).as(err.toString() + text).isZero();
        assertThat(text).contains("цель: уже запущенный стенд: " + base + "/orders")
                .contains("прогрев: 1 с")
                .contains("Замер: 1 реплика web, по 1 с на уровень")
                .contains("Замер: 3 реплики web, по 1 с на уровень")
                .contains("  … уровень 1: 1 с нагрузки")      // not a terminal: plain progress lines
                .doesNotContain("\r")
                .contains("ответы по репликам (X-Upstream от nginx): 10.0.0.1:8000 — 100%")
                .contains("10.0.0.3:8000 — ")
                .contains("Сравнение: 1 реплика → 3 реплики")
                .contains("Сохранено: ");

        List<String[]> rows = rows(text);
        assertThat(rows).extracting(r -> r[0]).containsExactly("1", "4", "1", "4"); // levels sorted, two sweeps
        assertThat(rows).allSatisfy(r -> {
            assertThat(parse(r[1])).as("Requests/sec").isPositive();
            assertThat(r[4]).as("errors").isEqualTo("0");
        });

        JsonNode doc = new ObjectMapper().readTree(outDir.resolve(DemoOutputs.JSON).toFile());
        assertThat(doc.at("/url").asText()).isEqualTo(base + "/orders");
        assertThat(doc.at("/scaling").asText()).isEqualTo("none");
        assertThat(doc.at("/sweeps/0/replicas").asInt()).isEqualTo(1);
        assertThat(doc.at("/sweeps/1/replicas").asInt()).isEqualTo(3);
        List<String> fromJson = new ArrayList<>();
        for (JsonNode sweep : doc.get("sweeps")) {
            for (JsonNode level : sweep.get("levels")) {
                fromJson.add(level.get("connections").asInt() + " " + RuText.num(level.get("requestsPerSec").asDouble(), 1)
                        + " " + RuText.ms(level.get("p99LatencyMs").asDouble()) + " " + level.get("errors").asLong());
                assertThat(level.get("requests").asLong()).isPositive();
            }
        }
        assertThat(fromJson).containsExactlyElementsOf(rows.stream().map(r -> r[0] + " " + r[1] + " " + r[3] + " " + r[4]).toList());
        assertThat(doc.at("/comparison/1/connections").asInt()).isEqualTo(4);
        assertThat(doc.at("/comparison/1/throughputRatio").asDouble()).isPositive();
        assertThat(doc.at("/error").isNull()).isTrue();
        String conclusion = doc.at("/conclusion").asText();
        assertThat(conclusion).startsWith("При 4 соединениях 3 реплики");
        assertThat(text).contains("Вывод: " + conclusion);

        for (String png : List.of(DemoOutputs.LATENCY_PNG, DemoOutputs.THROUGHPUT_PNG)) {
            BufferedImage image = ImageIO.read(outDir.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(PngInk.distinctColours(image)).as(png + " colours").isGreaterThan(20);
            assertThat(PngInk.nonWhiteShare(image)).as(png + " ink").isBetween(0.02, 0.6);
            // both series are drawn: the palette's first two colours
            assertThat(PngInk.pixelsOf(image, new Color(31, 119, 180))).as(png + " 1 replica line").isGreaterThan(100);
            assertThat(PngInk.pixelsOf(image, new Color(255, 127, 14))).as(png + " 3 replicas line").isGreaterThan(100);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--levels|0,5|уровень 0 — допустимо от 1 до 1000",
            "--levels|1,,5|пустой уровень",
            "--levels|1,abc|не число",
            "--levels|5000|уровень 5000 — допустимо от 1 до 1000",
            "--levels|2k|уровень 2000 — допустимо от 1 до 1000",
            "--step|0s|больше нуля",
            "--step|500ms|слишком мало",
            "--step|6x|неизвестная единица",
            "--step|10m|слишком много",
            "--replicas|1|от 2 до 10",
            "--url|https://localhost/|HTTPS не поддерживается",
    })
    void badArgumentsAreExplainedInRussianWithExitCode2(String option, String value, String message,
                                                         @TempDir Path dir) {
        String url = option.equals("--url") ? value : "http://127.0.0.1:1/orders";
        int code = option.equals("--url")
                ? run("demo", "--url", url, "--no-scale", "--out", dir.resolve("o").toString())
                : run("demo", "--url", url, "--no-scale", "--out", dir.resolve("o").toString(), option, value);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("Ошибка: ").contains(message).contains("lab demo --help");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void scalingAnExistingStackNeedsItsComposeFile(@TempDir Path dir) {
        int code = run("demo", "--url", "http://127.0.0.1:1/orders", "--repo", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("нет docker-compose.yml").contains("--no-scale");
    }

    @Test
    void bootingARepositoryWithoutComposeFileFailsBeforeDocker(@TempDir Path dir) {
        // the LabStack path: it checks the file before it ever talks to Docker
        int code = run("demo", "--repo", dir.toString(), "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Ошибка: В репозитории нет файла docker-compose.yml");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void unreachableTargetStopsWithExitCode1(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int code = run("demo", "--url", "http://127.0.0.1:" + port + "/orders", "--no-scale", "--levels", "1",
                "--step", "1s", "--out", dir.resolve("o").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).containsAnyOf("не ответил ни на один запрос", "ни одного соединения");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--levels").contains("--step").contains("--replicas").contains("--no-scale")
                .contains("--url").contains("--out").contains("1,5,10,30,60").contains("target/demo");
    }

    static List<String[]> rows(String text) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
        }
        return rows;
    }

    private static double parse(String number) {
        return Double.parseDouble(number.replace(',', '.'));
    }
}
