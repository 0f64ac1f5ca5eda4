package ru.mpgu.lab.measure.load;

import java.util.List;

import ru.mpgu.lab.measure.wrk.ThreadStat;

/**
 * wrk's "Req/Sec" row: each thread samples its own request rate every 100 ms; these are the
 * statistics over all samples of all threads.
 */
public record RateSummary(int samples, double mean, double stdev, double max, double withinStdevPercent) {

    static RateSummary of(List<Long> samples) {
        int n = samples.size();
        if (n == 0) {
            return new RateSummary(0, 0, 0, 0, Double.NaN);
        }
        double sum = 0;
        long max = 0;
        for (long s : samples) {
            sum += s;
            max = Math.max(max, s);
        }
        double mean = sum / n;
        double squares = 0;
        for (long s : samples) {
            squares += (s - mean) * (s - mean);
        }
        double stdev = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        long within = samples.stream().filter(s -> s >= mean - stdev && s <= mean + stdev).count();
        return new RateSummary(n, mean, stdev, max, 100.0 * within / n);
    }

    ThreadStat toThreadStat() {
        return new ThreadStat(mean, stdev, max, withinStdevPercent);
    }
}
