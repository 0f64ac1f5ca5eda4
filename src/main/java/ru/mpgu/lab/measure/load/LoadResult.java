package ru.mpgu.lab.measure.load;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import ru.mpgu.lab.measure.SocketErrors;
import ru.mpgu.lab.measure.wrk.WrkResult;

/**
 * Outcome of one run. Latency comes twice: {@code latency} as measured, and
 * {@code correctedLatency} corrected for coordinated omission the way wrk 4 does it before
 * printing (see {@link LoadGenerator}); {@link #toWrkResult} uses the corrected one, like wrk.
 *
 * @param durationSeconds          requested duration
 * @param runtimeMicros            measured wall time of the run
 * @param correctionIntervalMicros wrk's expected interval: runtime / (requests / connections); 0 = none
 * @param successfulConnects       connections established (first ones and reconnects)
 * @param reconnects               connections re-opened after a close or an error (not after a slow answer: as wrk,
 *                                 a request slower than the timeout keeps its connection)
 * @param allConnectionsFailed     no connection could be made within the timeout: the run was cut short
 * @param unansweredAtEnd          requests still unanswered at the end and older than the timeout; they are among
 *                                 {@code errors.timeout()} but, unlike a late answer, not among {@code requests}
 */
public record LoadResult(
        String url,
        int threads,
        int connections,
        double durationSeconds,
        long runtimeMicros,
        long requests,
        long bytesRead,
        SocketErrors errors,
        long non2xx3xx,
        LatencySummary latency,
        LatencySummary correctedLatency,
        long correctionIntervalMicros,
        RateSummary requestsPerThread,
        long successfulConnects,
        long reconnects,
        boolean allConnectionsFailed,
        long unansweredAtEnd) {

    /**
     * Requests sent, each once: the answered ones, the ones that never got an answer, and those a socket error ended.
     * A late answer is a request and a timeout both, so requests + errors would count it twice.
     */
    public long attempts() {
        return requests + errors.connect() + errors.read() + errors.write() + unansweredAtEnd;
    }

    public double requestsPerSec() {
        return runtimeMicros == 0 ? 0 : requests / (runtimeMicros / 1e6);
    }

    public double transferPerSecBytes() {
        return runtimeMicros == 0 ? 0 : bytesRead / (runtimeMicros / 1e6);
    }

    /** Russian explanation when the target could not be reached at all, else null. */
    public String failureMessage() {
        if (!allConnectionsFailed) {
            return null;
        }
        return "Не удалось установить ни одного соединения с " + url + " (ошибок подключения: " + errors.connect()
                + "). Проверьте, что сервер запущен и слушает этот адрес и порт.";
    }

    /**
     * The figures as wrk would print them.
     *
     * @param latencyDistribution include wrk's --latency block (50/75/90/99%)
     */
    public WrkResult toWrkResult(boolean latencyDistribution) {
        SortedMap<Double, Double> percentiles = new TreeMap<>();
        String title = null;
        if (latencyDistribution) {
            title = WrkResult.WRK_LATENCY_TITLE;
            for (Map.Entry<String, Double> e : correctedLatency.percentilesUs().entrySet()) {
                double p = Double.parseDouble(e.getKey());
                if (p == Math.rint(p)) { // wrk prints whole percentiles only
                    percentiles.put(p, e.getValue());
                }
            }
        }
        return new WrkResult(url, Math.round(durationSeconds), threads, connections,
                correctedLatency.toThreadStat(), requestsPerThread.toThreadStat(), title, percentiles,
                requests, runtimeMicros, bytesRead, errors, non2xx3xx, requestsPerSec(), transferPerSecBytes());
    }
}
