package dev.rcidentity.query;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;

import java.util.Collection;
import java.util.Set;

/**
 * Whether this instance's copy of a store partition reflects a write named by a consistency token (input topic,
 * partition, offset). Two signs, either one enough:
 * <ul>
 * <li>the store's position (Kafka Streams records, per store, the input offsets of the records that wrote to it) has
 * reached the offset: the fast sign, true as soon as the record's write is in the store;</li>
 * <li>an active task here has committed that input partition past the offset: it processed the record. A record that
 * writes nothing (a replayed login that changes no identity) moves no store position, and nothing else would ever say
 * it was processed; its commit does, within {@code commit.interval.ms}. The store's writes of a record precede its
 * commit, so the store reflects the record either way.</li>
 * </ul>
 */
final class StorePositions {
    private final KafkaStreams streams;

    StorePositions(KafkaStreams streams) {
        this.streams = streams;
    }

    boolean reached(String store, int partition, boolean activeOnly, Position bound) {
        return reached(position(store, partition, activeOnly), bound, partition)
                || (activeOnly && committedPast(streams.metadataForLocalThreads(), bound, partition));
    }

    /** Whether {@code position} has reached every offset {@code bound} names for this partition. */
    static boolean reached(Position position, Position bound, int partition) {
        for (String topic : bound.getTopics()) {
            Long required = bound.getPartitionPositions(topic).get(partition);
            Long seen = position == null ? null : position.getPartitionPositions(topic).get(partition);
            if (required != null && (seen == null || seen < required)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the active tasks of {@code threads} have committed every offset {@code bound} names for this partition: a
     * committed offset is the next one to consume, so the record at {@code required} was processed once it is above.
     */
    static boolean committedPast(Collection<ThreadMetadata> threads, Position bound, int partition) {
        for (String topic : bound.getTopics()) {
            Long required = bound.getPartitionPositions(topic).get(partition);
            if (required != null && !committedPast(threads, new TopicPartition(topic, partition), required)) {
                return false;
            }
        }
        return true;
    }

    private static boolean committedPast(Collection<ThreadMetadata> threads, TopicPartition input, long required) {
        for (ThreadMetadata thread : threads) {
            for (TaskMetadata task : thread.activeTasks()) {
                Long committed = task.committedOffsets().get(input);
                if (committed != null && committed > required) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A query no store layer handles: the store answers UNKNOWN_QUERY_TYPE with its position, under its position lock. */
    private static final class PositionProbe implements Query<Void> {
    }

    /** The position of this instance's copy of a store partition; null when it cannot say now. */
    private Position position(String store, int partition, boolean activeOnly) {
        StateQueryRequest<Void> request = StateQueryRequest.inStore(store).withQuery(new PositionProbe())
                .withPartitions(Set.of(partition));
        try {
            QueryResult<Void> result = streams.query(activeOnly ? request.requireActive() : request)
                    .getPartitionResults().get(partition);
            return result == null || result.getFailureReason() != FailureReason.UNKNOWN_QUERY_TYPE ? null
                    : result.getPosition();
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }
}
