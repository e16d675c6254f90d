package dev.rcidentity.bench;

import java.util.Arrays;
import java.util.List;

/** Medians of repetitions and percentiles of latency samples. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Nearest-rank percentile of {@code samples} (need not be sorted; it is sorted in place). */
    static double percentile(double[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(samples);
        int rank = (int) Math.ceil(p / 100.0 * samples.length);
        return samples[Math.max(0, Math.min(samples.length - 1, rank - 1))];
    }

    static double max(double[] samples) {
        return Arrays.stream(samples).max().orElse(Double.NaN);
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }
}
