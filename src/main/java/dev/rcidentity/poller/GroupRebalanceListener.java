package dev.rcidentity.poller;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The rebalance callbacks of the poller group's membership ({@link GroupAssignment}). A newly assigned partition is
 * read from its beginning, up to its end offset of that moment; the connections of a revoked or lost partition are
 * stopped before the callback returns, that is before the group hands the partition to another instance.
 */
final class GroupRebalanceListener implements ConsumerRebalanceListener {
    private static final Logger log = LoggerFactory.getLogger(GroupRebalanceListener.class);
    /** Well under max.poll.interval.ms (5 min): longer drops are logged, the group may already have moved on. */
    private static final Duration DROP_WARNING = Duration.ofSeconds(60);

    private final OwnedPartitions partitions;
    private final ConnectionAssignment.Holder holder;
    /** The consumer of the current membership, whose poll runs these callbacks. */
    private final Supplier<KafkaConsumer<byte[], byte[]>> consumer;
    /** Partitions read from the beginning after their assignment, until the end offset of that moment. */
    private final Map<TopicPartition, Long> loading = new ConcurrentHashMap<>();
    private volatile boolean assigned;

    GroupRebalanceListener(OwnedPartitions partitions, ConnectionAssignment.Holder holder,
                           Supplier<KafkaConsumer<byte[], byte[]>> consumer) {
        this.partitions = partitions;
        this.holder = holder;
        this.consumer = consumer;
    }

    /** True when partitions were assigned and every one assigned since was read to its end offset of that moment. */
    boolean caughtUp() {
        KafkaConsumer<byte[], byte[]> current = consumer.get();
        loading.entrySet().removeIf(e -> current.position(e.getKey()) >= e.getValue());
        return assigned && loading.isEmpty();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> added) {
        assigned = true;
        if (added.isEmpty()) {
            return;
        }
        partitions.assign(added.stream().map(TopicPartition::partition).toList(), Instant.now());
        KafkaConsumer<byte[], byte[]> current = consumer.get();
        current.seekToBeginning(added);
        loading.putAll(current.endOffsets(added));
        log.info("Poller group: assigned {}; now owns {} partition(s)", added, partitions.ownedCount());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> removed) {
        if (!removed.isEmpty()) {
            drop(removed, "revoked");
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        if (!lost.isEmpty()) {
            drop(lost, "lost");
        }
    }

    private void drop(Collection<TopicPartition> removed, String why) {
        removed.forEach(loading::remove);
        drop(partitions.revoke(removed.stream().map(TopicPartition::partition).toList()), why + " " + removed);
    }

    /** Stops these connections (each before returning), saying {@code why}. */
    void drop(List<String> ids, String why) {
        if (ids.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        ids.forEach(holder::dropped);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(DROP_WARNING) > 0) {
            log.warn("Poller group: stopping {} connection(s) took {}", ids.size(), took);
        }
        log.info("Poller group: partitions {}: {} connection(s) stopped in {} ms", why, ids.size(), took.toMillis());
    }
}
