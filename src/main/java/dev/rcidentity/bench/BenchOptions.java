package dev.rcidentity.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The sizes of one benchmark run.
 *
 * @param floorRecords       records per repetition of the raw producer/consumer floor
 * @param streamsRecords     records per repetition of the pass-through Streams floor
 * @param extensions         extension snapshots preloaded, spread evenly over {@code accounts}
 * @param loginsPerRun       logins per repetition of the login throughput run
 * @param snapshotsPerRun    extension changes per repetition of the snapshot throughput run
 * @param latencyWindow      length of each latency window (one per repetition)
 * @param pollerExtensions   extensions of the simulated account the poller sweeps
 * @param pollerWindow       the simulated rate-limit window (RingCentral's is 60 s; quick runs shrink it)
 * @param pollerConnections  connections (one simulated company each) of the poller scale-out step
 * @param pollerConnectionExtensions extensions of each of those companies
 * @param lookupRequests     requests per repetition of a lookup load, when the in-JVM client measures
 * @param lookupConcurrency  concurrent connections of a lookup load
 * @param lookupWindow       length of a lookup load, when wrk measures
 * @param push               the sizes of the push section
 */
public record BenchOptions(
        String name,
        Path workDir,
        int partitions,
        int repetitions,
        int floorRecords,
        int streamsRecords,
        int accounts,
        int extensions,
        int loginsPerRun,
        int snapshotsPerRun,
        Duration latencyWindow,
        int pollerExtensions,
        Duration pollerWindow,
        int pollerConnections,
        int pollerConnectionExtensions,
        int lookupRequests,
        int lookupConcurrency,
        Duration lookupWindow,
        PushSizes push) {

    /**
     * @param accounts     simulated companies, one connection (and one webhook subscription) each
     * @param extensions   extensions per company
     * @param ticks        rounds of simulator changes per mode (each renames or renumbers ~1.5 extensions a company)
     * @param tickEvery    time between rounds with push: each round costs ~6 Light GETs a company, so 8 s keeps
     *                     them under RingCentral's 50 Light requests a minute
     * @param pollInterval POLL_INTERVAL of the polling-only mode it is compared with
     */
    public record PushSizes(int accounts, int extensions, int ticks, Duration tickEvery, Duration pollInterval) {
    }

    public static final int PARTITIONS = 6;

    /** The sizes: 1,000,000 extensions over 1,000 accounts, enough logins for ~1,000,000 identities. */
    public static BenchOptions full(Path workDir) {
        return new BenchOptions("full", workDir, PARTITIONS, 3, 1_000_000, 1_000_000, 1_000, 1_000_000, 400_000,
                100_000, Duration.ofSeconds(10), 100_000, Duration.ofSeconds(60), 1_000, 1_000, 20_000, 8,
                Duration.ofSeconds(10),
                new PushSizes(100, 1_000, 6, Duration.ofSeconds(8), Duration.ofMinutes(1)));
    }

    /** A tenth of the data; the poller's window shrinks 10x so the limiter is still exercised over 100 pages. */
    public static BenchOptions quick(Path workDir) {
        return new BenchOptions("quick", workDir, PARTITIONS, 3, 200_000, 100_000, 100, 100_000, 40_000,
                20_000, Duration.ofSeconds(4), 100_000, Duration.ofSeconds(6), 200, 250, 5_000, 8,
                Duration.ofSeconds(4),
                new PushSizes(50, 1_000, 4, Duration.ofSeconds(8), Duration.ofSeconds(30)));
    }

    /** Just enough to run every step, for the smoke test. */
    public static BenchOptions tiny(Path workDir) {
        return new BenchOptions("tiny", workDir, 2, 1, 2_000, 2_000, 5, 1_000, 500, 200, Duration.ofSeconds(1),
                2_000, Duration.ofSeconds(2), 4, 20, 200, 2, Duration.ofSeconds(1),
                new PushSizes(3, 100, 2, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }
}
