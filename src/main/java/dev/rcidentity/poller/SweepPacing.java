package dev.rcidentity.poller;

import java.time.Duration;

/**
 * How an instance spreads its sweeps: at most {@code maxConcurrentSweeps} run at once (the sweep threads), and the
 * first sweeps of connections held together (a start, a rebalance) begin {@code startGap} apart, so that each
 * connection's fixed-rate schedule keeps its own phase instead of all of them falling due together every interval.
 * 1,000 connections taken at once start over 100 s with the defaults, 8 sweeps at a time at most.
 */
public record SweepPacing(int maxConcurrentSweeps, Duration startGap) {
    public static final int DEFAULT_MAX_CONCURRENT_SWEEPS = 8;
    public static final SweepPacing DEFAULT = new SweepPacing(DEFAULT_MAX_CONCURRENT_SWEEPS, Duration.ofMillis(100));

    /** The default pacing with at most {@code value} sweeps at once. */
    public static SweepPacing withMaxConcurrentSweeps(int value) {
        return new SweepPacing(value, DEFAULT.startGap());
    }

    public SweepPacing {
        if (maxConcurrentSweeps < 1 || maxConcurrentSweeps > 256) {
            throw new IllegalArgumentException("maxConcurrentSweeps must be 1..256: " + maxConcurrentSweeps);
        }
        if (startGap.isNegative()) {
            throw new IllegalArgumentException("startGap must not be negative: " + startGap);
        }
    }
}
