package ru.mpgu.lab.measure.wrk;

/**
 * One row of wrk's "Thread Stats" table. Latency rows are in microseconds, Req/Sec rows in
 * requests per second; {@code withinStdevPercent} is NaN when wrk printed "-nan%" (no samples).
 */
public record ThreadStat(double avg, double stdev, double max, double withinStdevPercent) {

    public static final ThreadStat EMPTY = new ThreadStat(0, 0, 0, Double.NaN);
}
