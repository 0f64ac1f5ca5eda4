package ru.mpgu.lab.measure.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import ru.mpgu.lab.measure.http.ResponseHead;

/**
 * Counts responses per value of one header, e.g. {@code X-Served-By} to see how a balancer
 * spreads requests over replicas.
 */
public final class HeaderValueCounter implements ResponseListener {

    private final String headerName;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder missing = new LongAdder();

    public HeaderValueCounter(String headerName) {
        this.headerName = headerName;
    }

    @Override
    public void onResponse(ResponseHead head) {
        String value = head.header(headerName);
        if (value == null) {
            missing.increment();
        } else {
            counts.computeIfAbsent(value, v -> new LongAdder()).increment();
        }
    }

    public String headerName() {
        return headerName;
    }

    /** Responses per header value, sorted by value. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((value, adder) -> snapshot.put(value, adder.sum()));
        return snapshot;
    }

    /** Responses that did not carry the header. */
    public long missing() {
        return missing.sum();
    }
}
