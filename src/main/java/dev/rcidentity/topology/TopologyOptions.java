package dev.rcidentity.topology;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What shapes the topology beyond the topic names.
 *
 * @param partitions the partition count of the co-partitioned input topics; the accounts broadcast gets the same
 *                   count so that every task receives every account (empty: as many as {@code rc.accounts.v1}), and
 *                   their records are checked against it and re-routed to the partition that owns their key (empty:
 *                   not checked)
 * @param historyRetention how far back the versioned extension store answers "as of" lookups
 */
public record TopologyOptions(OptionalInt partitions, Duration historyRetention) {
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(400);

    public static TopologyOptions defaults() {
        return new TopologyOptions(OptionalInt.empty(), DEFAULT_HISTORY_RETENTION);
    }

    public TopologyOptions withPartitions(int count) {
        return new TopologyOptions(OptionalInt.of(count), historyRetention);
    }
}
