package ru.mpgu.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.measure.load.HeaderValueCounter;
import ru.mpgu.lab.measure.load.LoadConfig;
import ru.mpgu.lab.measure.load.LoadGenerator;
import ru.mpgu.lab.measure.load.LoadResult;
import ru.mpgu.lab.measure.load.LoadTargetException;

/** {@code lab load}: wrk's options and output, from the grader's own load generator. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Подаёт HTTP-нагрузку как wrk и печатает результат в формате wrk.",
                "Пример: lab load -t2 -c30 -d20s --latency http://localhost:8000/orders/"})
public class LoadCommand implements Callable<Integer> {

    static final int EXIT_UNREACHABLE = 1;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "10",
            description = "Число одновременно открытых соединений (по умолчанию ${DEFAULT-VALUE}).")
    String connections;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "2",
            description = "Число потоков; соединения делятся между ними (по умолчанию ${DEFAULT-VALUE}).")
    String threads;

    @Option(names = {"-d", "--duration"}, paramLabel = "T", defaultValue = "10s",
            description = "Длительность теста: 20s, 1m (по умолчанию ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--timeout", paramLabel = "T", defaultValue = "2s",
            description = "Таймаут одного запроса; более медленные считаются ошибкой timeout (по умолчанию ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--latency", description = "Печатать распределение задержек (50/75/90/99%%).")
    boolean latency;

    @Option(names = {"-H", "--header"}, paramLabel = "H",
            description = "Добавить заголовок к запросу: -H \"Имя: значение\". Можно повторять.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Сохранить результат в JSON-файл.")
    Path json;

    @Option(names = "--count-header", paramLabel = "NAME",
            description = "Посчитать ответы по значениям заголовка (например X-Served-By) и напечатать после отчёта.")
    String countHeader;

    @Parameters(index = "0", paramLabel = "URL", description = "Адрес, например http://localhost:8000/orders/")
    String url;

    @Override
    public Integer call() throws IOException {
        LoadConfig config = buildConfig();
        HeaderValueCounter counter = countHeader == null ? null : new HeaderValueCounter(countHeader);
        if (counter != null) {
            config = config.withListener(counter);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result;
        try {
            result = new LoadGenerator().run(config);
        } catch (LoadTargetException e) {
            err.println("Ошибка: " + e.getMessage());
            err.flush();
            return EXIT_UNREACHABLE;
        }
        out.print(result.toWrkResult(latency).format());
        if (counter != null) {
            printHeaderCounts(out, counter);
        }
        out.flush();
        if (json != null) {
            writeJson(result, counter);
        }
        if (result.allConnectionsFailed()) {
            err.println("Ошибка: " + result.failureMessage());
            err.flush();
            return EXIT_UNREACHABLE;
        }
        return 0;
    }

    private LoadConfig buildConfig() {
        try {
            URI uri = WrkArgs.url(url);
            int c = WrkArgs.count("-c", connections);
            int t = WrkArgs.count("-t", threads);
            if (c < t) {
                throw new IllegalArgumentException("Соединений (-c " + c + ") меньше, чем потоков (-t " + t
                        + "): каждому потоку нужно хотя бы одно соединение. Увеличьте -c или уменьшите -t.");
            }
            Duration d = WrkArgs.duration("-d", duration);
            Duration to = WrkArgs.duration("--timeout", timeout);
            List<String> checkedHeaders = headers.stream().map(WrkArgs::header).toList();
            return new LoadConfig(uri, c, t, d, to, checkedHeaders, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void printHeaderCounts(PrintWriter out, HeaderValueCounter counter) {
        out.println("Responses by " + counter.headerName() + ":");
        counter.counts().forEach((value, n) -> out.printf("  %s: %d%n", value, n));
        if (counter.missing() > 0) {
            out.printf("  (no header): %d%n", counter.missing());
        }
    }

    private void writeJson(LoadResult result, HeaderValueCounter counter) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result", result);
        doc.put("wrk", result.toWrkResult(true));
        if (counter != null) {
            doc.put("headerCounts", Map.of("header", counter.headerName(), "counts", counter.counts(),
                    "missing", counter.missing()));
        }
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
    }
}
