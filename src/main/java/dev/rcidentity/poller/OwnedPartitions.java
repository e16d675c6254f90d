package dev.rcidentity.poller;

import dev.rcidentity.model.ConnectionStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which partitions of {@code rc.connections.v1} this instance owns, and in which partition each connection's records
 * are. Every check-and-tell happens under one lock, and a revocation takes the partitions out before their
 * connections are dropped: once {@link #revoke} returned their ids, no {@code changed} for them is told any more, and
 * those told before are queued ahead of the drop.
 */
final class OwnedPartitions {
    /** Owned partitions and when each was assigned. */
    private final Map<Integer, Instant> owned = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();

    /** The partitions are this instance's now. */
    synchronized void assign(Collection<Integer> partitions, Instant at) {
        partitions.forEach(p -> owned.putIfAbsent(p, at));
    }

    /** The connection's partition and since when it is owned; null when it is not. */
    synchronized ConnectionStatus.Assignment assignmentOf(String connectionId) {
        Integer partition = partitionOf.get(connectionId);
        Instant since = partition == null ? null : owned.get(partition);
        return since == null ? null : new ConnectionStatus.Assignment(partition, since);
    }

    /** The connection's records are in {@code partition}; tells {@code changed} when that one is owned. */
    synchronized void seen(String connectionId, int partition, Consumer<String> changed) {
        partitionOf.put(connectionId, partition);
        if (owned.containsKey(partition)) {
            changed.accept(connectionId);
        }
    }

    /** Tells {@code changed} when the connection's partition is known and owned. */
    synchronized void ifOwned(String connectionId, Consumer<String> changed) {
        Integer partition = partitionOf.get(connectionId);
        if (partition != null && owned.containsKey(partition)) {
            changed.accept(connectionId);
        }
    }

    /** Takes the partitions away and returns the connections whose records are in them. */
    synchronized List<String> revoke(Collection<Integer> partitions) {
        owned.keySet().removeAll(partitions);
        return partitionOf.entrySet().stream().filter(e -> partitions.contains(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Takes every partition away and returns the connections of the partitions owned until now. */
    synchronized List<String> revokeAll() {
        return revoke(List.copyOf(owned.keySet()));
    }

    synchronized int ownedCount() {
        return owned.size();
    }
}
