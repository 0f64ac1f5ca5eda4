package ru.mpgu.lab.checks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkParseException;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.report.FilledNumbers;
import ru.mpgu.lab.report.RunSection;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * Tasks 2 and 4: the wrk output a student pasted is real wrk output, was run as the lab says, and is
 * consistent with itself and with the numbers the student copied out of it. Made-up numbers rarely are.
 */
public final class WrkChecks {

    private WrkChecks() {
    }

    /** The parsed output, or empty when the section has none or it does not parse. */
    public static Optional<WrkResult> parse(RunSection section) {
        if (section == null || !section.hasWrkOutput()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WrkOutputParser().parse(section.wrkOutput()));
        } catch (WrkParseException e) {
            return Optional.empty();
        }
    }

    public static CheckOutcome outputValid(Check check, RunSection section, String runName) {
        if (section == null || !section.hasWrkOutput()) {
            return CheckOutcome.failed(check.id(), "в разделе «" + runName + "» отчёта нет вывода wrk: вставьте его целиком в блок ```");
        }
        WrkResult wrk;
        try {
            wrk = new WrkOutputParser().parse(section.wrkOutput());
        } catch (WrkParseException e) {
            int line = section.wrkOutputLine() > 0 ? section.wrkOutputLine() + e.lineNumber() - 1 : e.lineNumber();
            return CheckOutcome.failed(check.id(), "строка " + line + " отчёта: вывод wrk в разделе «" + runName
                    + "» не разбирается: " + e.getMessage() + ". Вставьте вывод wrk без правок.");
        }
        String edited = handEdited(wrk, check.doubleParam("rps_relative_tolerance", 0.05));
        if (edited != null) {
            return CheckOutcome.failed(check.id(), "строка " + Math.max(1, section.wrkOutputLine()) + " отчёта: вывод wrk в разделе «"
                    + runName + "» не мог получиться у wrk: " + edited + ". Вставьте настоящий вывод без правок.");
        }
        List<String> wrong = new ArrayList<>();
        int connections = check.intParam("connections", 30);
        int threads = check.intParam("threads", 2);
        int duration = check.intParam("duration_seconds", 20);
        String path = check.stringParam("url_path", "/orders");
        if (wrk.connections() != connections) {
            wrong.add("соединений " + wrk.connections() + ", нужно -c" + connections);
        }
        if (wrk.threads() != threads) {
            wrong.add("потоков " + wrk.threads() + ", нужно -t" + threads);
        }
        if (wrk.durationSeconds() != duration) {
            wrong.add("длительность " + wrk.durationSeconds() + " с, нужно -d" + duration + "s");
        }
        String urlPath = pathOf(wrk.url());
        if (!path.equals(urlPath)) {
            wrong.add("адрес " + wrk.url() + ", нужен путь " + path);
        }
        if (!wrong.isEmpty()) {
            return CheckOutcome.partial(check.id(), 0.5, "вывод wrk в разделе «" + runName
                    + "» настоящий, но запуск не с параметрами задания: " + String.join("; ", wrong)
                    + ". Нужно: wrk -c" + connections + " -t" + threads + " -d" + duration + "s http://localhost:8000" + path);
        }
        return CheckOutcome.passed(check.id(), "вывод wrk в разделе «" + runName + "»: -c" + connections + " -t" + threads
                + " -d" + duration + "s " + wrk.url() + ", " + wrk.requests() + " запросов");
    }

    /** Three cross-checks; each one that holds earns a third of the points. */
    public static CheckOutcome consistent(Check check, RunSection section, String runName) {
        Optional<WrkResult> parsed = parse(section);
        if (parsed.isEmpty()) {
            return CheckOutcome.failed(check.id(), "нечего сверять: в разделе «" + runName + "» нет разбираемого вывода wrk");
        }
        WrkResult wrk = parsed.get();
        List<String> ok = new ArrayList<>();
        List<String> bad = new ArrayList<>();

        String edited = handEdited(wrk, check.doubleParam("rps_relative_tolerance", 0.05));
        if (edited != null) {
            // An output wrk cannot have printed: nothing else in it can be trusted either.
            return CheckOutcome.failed(check.id(), "«" + runName + "»: " + edited);
        }
        double seconds = wrk.runtimeUs() / 1e6;
        ok.add(String.format("запросы / время = %d / %.2f с = %.1f ≈ Requests/sec %.1f", wrk.requests(), seconds,
                wrk.requests() / seconds, wrk.requestsPerSec()));

        if (check.hasParam("littles_law_relative_tolerance")) {
            double inFlight = wrk.requestsPerSec() * wrk.latency().avg() / 1e6;
            double tolerance = check.doubleParam("littles_law_relative_tolerance", 0.25);
            String law = String.format("закон Литтла: Requests/sec · Latency Avg = %.1f · %.1f мс = %.1f одновременных запросов, соединений %d",
                    wrk.requestsPerSec(), wrk.latency().avg() / 1000, inFlight, wrk.connections());
            if (relativeDiff(inFlight, wrk.connections()) <= tolerance) {
                ok.add(law);
            } else {
                bad.add(law + " — расхождение больше " + Math.round(tolerance * 100) + " %, такие числа wrk не выдаёт");
            }
        }

        FilledNumbers filled = section.numbers();
        double filledTolerance = check.doubleParam("filled_relative_tolerance", 0.02);
        List<String> filledProblems = new ArrayList<>();
        if (filled == null || filled.latencyMillis() == null || filled.requestsPerSec() == null || filled.errors() == null) {
            filledProblems.add("в разделе «" + runName + "» не вписаны средняя задержка, число ошибок или Requests/sec");
        } else {
            double latencyMs = wrk.latency().avg() / 1000;
            if (relativeDiff(filled.latencyMillis(), latencyMs) > filledTolerance) {
                filledProblems.add(String.format("строка %d: вписана задержка %s, а в выводе wrk Latency Avg %.2f мс",
                        filled.latencyLine(), filled.latencyText(), latencyMs));
            }
            if (relativeDiff(filled.requestsPerSec(), wrk.requestsPerSec()) > filledTolerance) {
                filledProblems.add(String.format("строка %d: вписано Requests/sec %.2f, а в выводе wrk %.2f",
                        filled.rpsLine(), filled.requestsPerSec(), wrk.requestsPerSec()));
            }
            long errors = wrk.socketErrors().total() + wrk.non2xx3xx();
            if (filled.errors() != errors) {
                filledProblems.add(String.format("строка %d: вписано ошибок %d, а в выводе wrk %d (Socket errors + Non-2xx)",
                        filled.errorsLine(), filled.errors(), errors));
            }
        }
        if (filledProblems.isEmpty()) {
            ok.add("числа в отчёте совпадают с выводом wrk");
        } else {
            bad.addAll(filledProblems);
        }

        int total = ok.size() + (bad.size() - Math.max(0, filledProblems.size() - 1));
        double fraction = total == 0 ? 0 : (double) ok.size() / total;
        List<String> details = new ArrayList<>();
        ok.forEach(s -> details.add("✓ " + s));
        bad.forEach(s -> details.add("✗ " + s));
        if (bad.isEmpty()) {
            return CheckOutcome.passed(check.id(), "«" + runName + "»: вывод wrk согласован, числа совпадают").withDetails(details);
        }
        String message = "«" + runName + "»: " + String.join("; ", bad);
        return (fraction > 0 ? CheckOutcome.partial(check.id(), fraction, message) : CheckOutcome.failed(check.id(), message))
                .withDetails(details);
    }

    /** wrk prints Requests/sec as requests / runtime; when they disagree the text was edited by hand. */
    static String handEdited(WrkResult wrk, double tolerance) {
        double seconds = wrk.runtimeUs() / 1e6;
        double rpsFromCount = seconds > 0 ? wrk.requests() / seconds : 0;
        if (relativeDiff(rpsFromCount, wrk.requestsPerSec()) <= tolerance) {
            return null;
        }
        return String.format("запросы / время = %d / %.2f с = %.1f, а Requests/sec = %.1f — числа в выводе wrk правились вручную",
                wrk.requests(), seconds, rpsFromCount, wrk.requestsPerSec());
    }

    static double relativeDiff(double actual, double expected) {
        if (expected == 0) {
            return actual == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    static String pathOf(String url) {
        try {
            String path = URI.create(url.trim()).getPath();
            return path == null || path.isEmpty() ? "/" : path.replaceAll("/+$", "").isEmpty() ? "/" : path.replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
