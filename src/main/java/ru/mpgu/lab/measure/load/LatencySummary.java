package ru.mpgu.lab.measure.load;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import ru.mpgu.lab.measure.wrk.ThreadStat;

/**
 * Latency figures in microseconds, computed as wrk does: sample standard deviation (n - 1), the
 * share of samples within one stdev of the mean, and percentiles 50/75/90/99 plus 99.9.
 *
 * @param percentilesUs keys "50", "75", "90", "99", "99.9"
 */
public record LatencySummary(long count, double meanUs, double stdevUs, double maxUs,
                             double withinStdevPercent, Map<String, Double> percentilesUs) {

    static final double[] PERCENTILES = {50, 75, 90, 99, 99.9};

    /** @param exactMaxUs the true maximum (HdrHistogram only keeps it to 3 significant digits) */
    static LatencySummary of(Histogram histogram, long exactMaxUs) {
        long count = histogram.getTotalCount();
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (count == 0) {
            for (double p : PERCENTILES) {
                percentiles.put(key(p), 0.0);
            }
            return new LatencySummary(0, 0, 0, 0, Double.NaN, percentiles);
        }
        double mean = histogram.getMean();
        double squares = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            double d = histogram.medianEquivalentValue(v.getValueIteratedTo()) - mean;
            squares += d * d * v.getCountAtValueIteratedTo();
        }
        double stdev = count < 2 ? 0 : Math.sqrt(squares / (count - 1));
        long within = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            double value = histogram.medianEquivalentValue(v.getValueIteratedTo());
            if (value >= mean - stdev && value <= mean + stdev) {
                within += v.getCountAtValueIteratedTo();
            }
        }
        for (double p : PERCENTILES) {
            percentiles.put(key(p), (double) Math.min(histogram.getValueAtPercentile(p), exactMaxUs));
        }
        return new LatencySummary(count, mean, stdev, exactMaxUs, 100.0 * within / count, percentiles);
    }

    static String key(double percentile) {
        return percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile);
    }

    public double percentileUs(double percentile) {
        Double v = percentilesUs.get(key(percentile));
        if (v == null) {
            throw new IllegalArgumentException("no percentile " + percentile + "; have " + percentilesUs.keySet());
        }
        return v;
    }

    ThreadStat toThreadStat() {
        return new ThreadStat(meanUs, stdevUs, maxUs, withinStdevPercent);
    }
}
