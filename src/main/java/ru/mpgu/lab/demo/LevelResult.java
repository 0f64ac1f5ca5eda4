package ru.mpgu.lab.demo;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import ru.mpgu.lab.measure.SocketErrors;
import ru.mpgu.lab.measure.load.LoadResult;

/**
 * One concurrency level of a sweep. Latency is as measured ({@link LoadResult#latency()}); the p99 that wrk
 * would print (corrected for coordinated omission) is kept too.
 *
 * @param upstreams responses per value of nginx's X-Upstream header (empty when the target does not send it)
 */
public record LevelResult(int connections, double requestsPerSec, double avgLatencyMs, double p99LatencyMs,
                          double p99CorrectedMs, long requests, SocketErrors socketErrors, long non2xx3xx,
                          Map<String, Long> upstreams) {

    public LevelResult {
        upstreams = Map.copyOf(upstreams);
    }

    static LevelResult of(LoadResult r, Map<String, Long> upstreams) {
        return new LevelResult(r.connections(), r.requestsPerSec(), r.latency().meanUs() / 1000.0,
                r.latency().percentileUs(99) / 1000.0, r.correctedLatency().percentileUs(99) / 1000.0,
                r.requests(), r.errors(), r.non2xx3xx(), upstreams);
    }

    /** Socket errors plus HTTP 4xx/5xx answers, as one number for the table. */
    @JsonProperty("errors")
    public long errors() {
        return socketErrors.total() + non2xx3xx;
    }
}
