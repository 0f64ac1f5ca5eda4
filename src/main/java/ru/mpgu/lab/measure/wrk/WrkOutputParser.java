package ru.mpgu.lab.measure.wrk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.mpgu.lab.measure.SocketErrors;

/**
 * Parses the text printed by wrk 4.x and wrk2 into a {@link WrkResult}.
 *
 * <p>Tolerant of what happens when students paste output: CRLF, a shell prompt or other text
 * before "Running ...", Markdown indentation or "> " quoting, blank lines, Lua script output
 * after "Transfer/sec". Everything between "Running" and "Transfer/sec" must be wrk's own lines
 * in wrk's order; otherwise a {@link WrkParseException} names the line and what was expected.
 */
public final class WrkOutputParser {

    private static final Pattern RUNNING = Pattern.compile("Running (\\S+) test @ (\\S+)");
    private static final Pattern THREADS = Pattern.compile("(\\d+) threads? and (\\d+) connections?");
    private static final Pattern STATS_HEADER = Pattern.compile("Thread Stats\\s+Avg\\s+Stdev\\s+Max\\s+\\+/- Stdev");
    private static final Pattern STAT_ROW = Pattern.compile("(Latency|Req/Sec)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)%");
    private static final Pattern DISTRIBUTION = Pattern.compile("Latency Distribution.*");
    private static final Pattern PERCENTILE = Pattern.compile("(\\d+(?:\\.\\d+)?)%\\s+(\\S+)");
    private static final Pattern SPECTRUM_ROW = Pattern.compile("[\\d.\\s]+(?:inf)?|Value\\s+Percentile.*|#\\[.*|-{5,}");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in (\\S+), (\\S+) read");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern REQ_PER_SEC = Pattern.compile("Requests/sec:\\s+(\\S+)");
    private static final Pattern TRANSFER_PER_SEC = Pattern.compile("Transfer/sec:\\s+(\\S+)");
    private static final Pattern QUOTE_PREFIX = Pattern.compile("^(?:>\\s?)+");

    /** Parses wrk output; throws {@link WrkParseException} with a Russian, line-precise message. */
    public WrkResult parse(String text) {
        return new Cursor(text).parse();
    }

    /** Cleaned non-blank lines with their original 1-based numbers. */
    private record Line(int number, String text) {
    }

    private static final class Cursor {
        private final List<Line> lines = new ArrayList<>();
        private final int lastLineNumber;
        private int pos;

        Cursor(String text) {
            String[] raw = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < raw.length; i++) {
                String cleaned = QUOTE_PREFIX.matcher(raw[i].strip()).replaceFirst("").strip();
                if (!cleaned.isEmpty()) {
                    lines.add(new Line(i + 1, cleaned));
                }
            }
            lastLineNumber = Math.max(1, raw.length);
        }

        WrkResult parse() {
            skipUntilRunning();
            Matcher running = expect(RUNNING, "строка заголовка «Running <длительность> test @ <URL>»");
            long durationUs = time(running.group(1), running, "длительность теста (например 20s или 1m)");
            String url = running.group(2);

            Matcher threads = expect(THREADS, "«<N> threads and <M> connections»");
            int threadCount = Integer.parseInt(threads.group(1));
            int connectionCount = Integer.parseInt(threads.group(2));

            skipWhile(line -> line.startsWith("Thread calibration:")); // wrk2 prints these per thread
            expect(STATS_HEADER, "заголовок таблицы «Thread Stats   Avg      Stdev     Max   +/- Stdev»");
            ThreadStat latency = statRow("Latency", true);
            ThreadStat requestsPerThread = statRow("Req/Sec", false);

            String distributionTitle = null;
            SortedMap<Double, Double> percentiles = new TreeMap<>();
            if (peekMatches(DISTRIBUTION)) {
                distributionTitle = next().text();
                parseDistribution(percentiles);
            }

            Matcher requests = expect(REQUESTS, "«<N> requests in <время>, <объём> read»");
            long requestCount = Long.parseLong(requests.group(1));
            double runtimeUs = time(requests.group(2), requests, "время теста (например 20.01s)");
            double bytesRead = bytes(requests.group(3), "объём прочитанного (например 4.56MB)");

            SocketErrors errors = SocketErrors.NONE;
            if (peekMatches(SOCKET_ERRORS)) {
                Matcher m = matcher(SOCKET_ERRORS, next());
                errors = new SocketErrors(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
            }
            long non2xx = 0;
            if (peekMatches(NON_2XX)) {
                non2xx = Long.parseLong(matcher(NON_2XX, next()).group(1));
            }

            Matcher rps = expect(REQ_PER_SEC, "«Requests/sec: <число>»");
            Double requestsPerSec = WrkUnits.parsePlain(rps.group(1));
            if (requestsPerSec == null) {
                throw new WrkParseException(previous().number(),
                        "в «Requests/sec» ожидалось число, а найдено «" + rps.group(1) + "».");
            }
            Matcher tps = expect(TRANSFER_PER_SEC, "«Transfer/sec: <объём>»");
            double transfer = bytes(tps.group(1), "объём в секунду (например 255.54KB)");

            return new WrkResult(url, Math.round(durationUs / 1_000_000.0), threadCount, connectionCount,
                    latency, requestsPerThread, distributionTitle, percentiles, requestCount, runtimeUs,
                    bytesRead, errors, non2xx, requestsPerSec, transfer);
        }

        private void skipUntilRunning() {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).text().startsWith("Running ")) {
                    pos = i;
                    return;
                }
            }
            throw new WrkParseException(lines.isEmpty() ? 1 : lines.get(0).number(),
                    "не найдена строка «Running <длительность> test @ <URL>», с которой начинается вывод wrk. "
                            + "Вставьте вывод wrk целиком, начиная с этой строки.");
        }

        private void parseDistribution(SortedMap<Double, Double> percentiles) {
            boolean spectrum = false;
            while (pos < lines.size() && !peekMatches(REQUESTS)) {
                Line line = lines.get(pos);
                Matcher p = PERCENTILE.matcher(line.text());
                if (!spectrum && p.matches()) {
                    Double value = WrkUnits.parseTimeUs(p.group(2));
                    if (value == null) {
                        throw new WrkParseException(line.number(), "ожидалась задержка с единицей (us, ms, s), "
                                + "а найдено «" + p.group(2) + "».");
                    }
                    percentiles.put(Double.parseDouble(p.group(1)), value);
                } else if (line.text().startsWith("Detailed Percentile spectrum")) {
                    spectrum = true; // wrk2's full HdrHistogram dump: nothing in it that the summary lacks
                } else if (!(spectrum && SPECTRUM_ROW.matcher(line.text()).matches())) {
                    throw new WrkParseException(line.number(), "в блоке «Latency Distribution» ожидалась строка "
                            + "вида «50%  3.67ms» или «<N> requests in ...», а найдено «" + line.text() + "».");
                }
                pos++;
            }
            if (percentiles.isEmpty()) {
                throw new WrkParseException(pos < lines.size() ? lines.get(pos).number() : lastLineNumber,
                        "блок «Latency Distribution» пуст: ожидались строки процентилей вида «50%  3.67ms».");
            }
        }

        private ThreadStat statRow(String name, boolean time) {
            Matcher m = expect(STAT_ROW, "строка «" + name + "  <Avg> <Stdev> <Max> <+/- Stdev>%» таблицы Thread Stats");
            if (!m.group(1).equals(name)) {
                throw new WrkParseException(previous().number(),
                        "ожидалась строка «" + name + "», а найдена «" + m.group(1) + "».");
            }
            double[] values = new double[3];
            for (int i = 0; i < 3; i++) {
                String cell = m.group(i + 2);
                Double v = time ? WrkUnits.parseTimeUs(cell) : WrkUnits.parseMetric(cell);
                if (v == null) {
                    throw new WrkParseException(previous().number(), "в строке «" + name + "» значение «" + cell
                            + "» не похоже на " + (time ? "время wrk (us, ms, s, m)" : "число wrk (например 1.28k)") + ".");
                }
                values[i] = v;
            }
            Double within = WrkUnits.parsePlain(m.group(5));
            if (within == null) {
                throw new WrkParseException(previous().number(),
                        "в строке «" + name + "» доля «+/- Stdev» должна быть числом с %, а найдено «" + m.group(5) + "%».");
            }
            return new ThreadStat(values[0], values[1], values[2], within);
        }

        private long time(String text, Matcher unused, String what) {
            Double us = WrkUnits.parseTimeUs(text);
            if (us == null) {
                throw new WrkParseException(previous().number(), "ожидалась " + what + ", а найдено «" + text + "».");
            }
            return Math.round(us);
        }

        private double bytes(String text, String what) {
            Double b = WrkUnits.parseBytes(text);
            if (b == null) {
                throw new WrkParseException(previous().number(), "ожидался " + what + ", а найдено «" + text + "».");
            }
            return b;
        }

        private Matcher expect(Pattern pattern, String what) {
            if (pos >= lines.size()) {
                throw new WrkParseException(lastLineNumber,
                        "вывод wrk оборвался: ожидалась " + what + ". Вставьте вывод целиком, до строки «Transfer/sec».");
            }
            Line line = lines.get(pos);
            Matcher m = pattern.matcher(line.text());
            if (!m.matches()) {
                throw new WrkParseException(line.number(), "ожидалась " + what + ", а найдено «" + line.text() + "».");
            }
            pos++;
            return m;
        }

        private boolean peekMatches(Pattern pattern) {
            return pos < lines.size() && pattern.matcher(lines.get(pos).text()).matches();
        }

        private void skipWhile(java.util.function.Predicate<String> predicate) {
            while (pos < lines.size() && predicate.test(lines.get(pos).text())) {
                pos++;
            }
        }

        private Line next() {
            return lines.get(pos++);
        }

        private Line previous() {
            return lines.get(Math.max(0, pos - 1));
        }

        private static Matcher matcher(Pattern p, Line line) {
            Matcher m = p.matcher(line.text());
            if (!m.matches()) {
                throw new IllegalStateException(line.text().toLowerCase(Locale.ROOT));
            }
            return m;
        }
    }
}
