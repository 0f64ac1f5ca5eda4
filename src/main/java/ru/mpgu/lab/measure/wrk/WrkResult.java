package ru.mpgu.lab.measure.wrk;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import ru.mpgu.lab.measure.SocketErrors;

/**
 * Everything wrk (or wrk2) prints for one run. Times are in microseconds, sizes in bytes.
 *
 * @param url                       target from "Running 20s test @ URL"
 * @param durationSeconds           the requested duration from the same line
 * @param latency                   Latency row (us)
 * @param requestsPerThread         Req/Sec row (requests per second of one thread)
 * @param latencyDistributionTitle  "Latency Distribution" (wrk --latency), wrk2's
 *                                  "Latency Distribution (HdrHistogram - Recorded Latency)", or null
 * @param latencyPercentilesUs      percentile (50.0, 99.9 ...) to latency in us; empty without the block
 * @param runtimeUs                 measured runtime ("2646 requests in 2.00s")
 * @param non2xx3xx                 "Non-2xx or 3xx responses" (wrk counts status > 399)
 */
public record WrkResult(
        String url,
        long durationSeconds,
        int threads,
        int connections,
        ThreadStat latency,
        ThreadStat requestsPerThread,
        String latencyDistributionTitle,
        SortedMap<Double, Double> latencyPercentilesUs,
        long requests,
        double runtimeUs,
        double bytesRead,
        SocketErrors socketErrors,
        long non2xx3xx,
        double requestsPerSec,
        double transferPerSecBytes) {

    public static final String WRK_LATENCY_TITLE = "Latency Distribution";

    public WrkResult {
        latencyPercentilesUs = Collections.unmodifiableSortedMap(new TreeMap<>(latencyPercentilesUs));
        socketErrors = socketErrors == null ? SocketErrors.NONE : socketErrors;
    }

    /** Latency at a percentile in us, or null when the output had no such line. */
    public Double percentileUs(double percentile) {
        return latencyPercentilesUs.get(percentile);
    }

    /** The text wrk itself would print for these figures (wrk 4 layout, src/wrk.c). */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Running ").append(WrkUnits.formatTimeS(durationSeconds)).append(" test @ ").append(url).append('\n');
        out.append("  ").append(threads).append(" threads and ").append(connections).append(" connections\n");
        out.append(String.format(Locale.ROOT, "  Thread Stats%6s%11s%8s%12s%n", "Avg", "Stdev", "Max", "+/- Stdev")
                .replace(System.lineSeparator(), "\n"));
        appendStatRow(out, "Latency", latency, true);
        appendStatRow(out, "Req/Sec", requestsPerThread, false);
        if (latencyDistributionTitle != null) {
            boolean wrk2 = !WRK_LATENCY_TITLE.equals(latencyDistributionTitle);
            out.append("  ").append(latencyDistributionTitle).append('\n');
            for (Map.Entry<Double, Double> e : latencyPercentilesUs.entrySet()) {
                String label = WrkUnits.fixed(e.getKey(), wrk2 ? 3 : 0);
                out.append(padLeft(label, 7)).append('%');
                out.append(units(WrkUnits.formatTimeUs(e.getValue()), 10)).append('\n');
            }
        }
        out.append("  ").append(requests).append(" requests in ").append(WrkUnits.formatTimeUs(runtimeUs))
                .append(", ").append(WrkUnits.formatBinary(bytesRead)).append("B read\n");
        if (socketErrors.any()) {
            out.append(String.format(Locale.ROOT, "  Socket errors: connect %d, read %d, write %d, timeout %d%n",
                    socketErrors.connect(), socketErrors.read(), socketErrors.write(), socketErrors.timeout())
                    .replace(System.lineSeparator(), "\n"));
        }
        if (non2xx3xx > 0) {
            out.append("  Non-2xx or 3xx responses: ").append(non2xx3xx).append('\n');
        }
        out.append("Requests/sec: ").append(padLeft(WrkUnits.fixed(requestsPerSec, 2), 9)).append('\n');
        out.append("Transfer/sec: ").append(padLeft(WrkUnits.formatBinary(transferPerSecBytes), 10)).append("B\n");
        return out.toString();
    }

    private static void appendStatRow(StringBuilder out, String name, ThreadStat stat, boolean time) {
        out.append("    ").append(String.format(Locale.ROOT, "%-10s", name));
        out.append(units(time ? WrkUnits.formatTimeUs(stat.avg()) : WrkUnits.formatMetric(stat.avg()), 8));
        out.append(units(time ? WrkUnits.formatTimeUs(stat.stdev()) : WrkUnits.formatMetric(stat.stdev()), 10));
        out.append(units(time ? WrkUnits.formatTimeUs(stat.max()) : WrkUnits.formatMetric(stat.max()), 9));
        out.append(padLeft(WrkUnits.fixed(stat.withinStdevPercent(), 2), 8)).append("%\n");
    }

    /** wrk's print_units: unit letters eat into the two spaces of padding after the number. */
    private static String units(String msg, int width) {
        int len = msg.length();
        int pad = 2;
        if (len > 0 && Character.isLetter(msg.charAt(len - 1))) {
            pad--;
        }
        if (len > 1 && Character.isLetter(msg.charAt(len - 2))) {
            pad--;
        }
        int w = width - pad;
        String cut = msg.length() > w ? msg.substring(0, w) : msg;
        return padLeft(cut, w) + "  ".substring(0, pad);
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
