package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one partition of a store on this instance with IQv2. An empty result means "this instance cannot answer for
 * that partition now": Kafka Streams is not running or is rebalancing, the partition is not hosted here, not active
 * when active was required, or still restoring. A present result holds the value, which may itself be null (not
 * found). Anything else (a store name the topology does not have, a store that failed the query) is a programming
 * error and throws, so that it answers 500 and is logged instead of passing for a passing unavailability.
 */
final class LocalStores implements LocalReads {
    /** The value read; {@code value} is null when the key is absent. */
    record Read<V>(V value) {
    }

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public <T> Optional<Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly) {
        return query.readFrom(this, partition, activeOnly);
    }

    <K, V> Optional<Read<V>> get(String store, K key, int partition, boolean activeOnly) {
        return get(store, key, partition, activeOnly, null);
    }

    /**
     * Key and range reads go through the store's read-only view (store lock only), never through an IQv2 key or range
     * query: Kafka Streams 4.3's IQv2 takes a key-value store's position lock before the store lock while the stream
     * thread's write takes them the other way round (KAFKA-19629), so a lookup racing a write deadlocks both for good
     * (the three-broker fault test and OwnersIT hung that way: http threads BLOCKED in RocksDBStore.get holding the
     * Position, the stream thread in IdentityStores.save). Versioned stores take the position lock alone.
     *
     * @param bound the position the store must have reached (empty result until it has); null for none. Kafka Streams
     *              4.3 drops the bound of a query that requires the active copy, so a bounded read first asks for the
     *              position alone ({@link PositionProbe}: position lock only), then, once that has reached the bound,
     *              reads the key through the read-only view, which sees the write.
     */
    <K, V> Optional<Read<V>> get(String store, K key, int partition, boolean activeOnly, Position bound) {
        if (bound != null && !reached(position(store, partition, activeOnly), bound, partition)) {
            return Optional.empty();
        }
        return this.<K, V, V>readView(store, partition, activeOnly, view -> view.get(key));
    }

    /** Visits the keys from {@code from} to {@code to} in order; the iterator is always closed. */
    <K, V, R> Optional<Read<R>> scan(String store, K from, K to, int partition, boolean activeOnly,
                                     Function<KeyValueIterator<K, V>, R> visitor) {
        return this.<K, V, R>readView(store, partition, activeOnly, view -> {
            try (KeyValueIterator<K, V> iterator = view.range(from, to)) {
                return visitor.apply(iterator);
            }
        });
    }

    /** {@code read} applied to this instance's copy of one store partition; empty when it cannot be read here now. */
    private <K, V, R> Optional<Read<R>> readView(String store, int partition, boolean activeOnly,
                                                 Function<ReadOnlyKeyValueStore<K, V>, R> read) {
        StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> parameters = StoreQueryParameters
                .fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore()).withPartition(partition);
        try {
            return Optional.of(new Read<>(read.apply(streams.store(activeOnly ? parameters : parameters.enableStaleStores()))));
        } catch (UnknownStateStoreException e) {
            throw new IllegalStateException("the topology has no store " + store, e);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // not started, not hosted or not active here, rebalancing, stopping
        }
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

    <K, V> Optional<Read<VersionedRecord<V>>> getVersioned(String store, K key, Instant asOf, int partition, boolean activeOnly) {
        VersionedKeyQuery<K, V> query = VersionedKeyQuery.withKey(key);
        return query(store, asOf == null ? query : query.asOf(asOf), partition, activeOnly);
    }

    private <R> Optional<Read<R>> query(String store, Query<R> query, int partition, boolean activeOnly) {
        return result(store, query, partition, activeOnly).map(result -> new Read<>(result.getResult()));
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

    private <R> Optional<QueryResult<R>> result(String store, Query<R> query, int partition, boolean activeOnly) {
        StateQueryRequest<R> request = StateQueryRequest.inStore(store).withQuery(query).withPartitions(Set.of(partition));
        if (activeOnly) {
            request = request.requireActive();
        }
        StateQueryResult<R> result;
        try {
            result = streams.query(request);
        } catch (UnknownStateStoreException e) {
            throw new IllegalStateException("the topology has no store " + store, e);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // not started, stopping, rebalancing
        }
        QueryResult<R> partitionResult = result.getPartitionResults().get(partition);
        if (partitionResult == null) {
            return Optional.empty();
        }
        if (partitionResult.isFailure()) {
            return switch (partitionResult.getFailureReason()) {
                case NOT_ACTIVE, NOT_PRESENT, NOT_UP_TO_BOUND -> Optional.empty();
                default -> throw new IllegalStateException("store " + store + " partition " + partition + " failed "
                        + query.getClass().getSimpleName() + ": " + partitionResult.getFailureReason() + " "
                        + partitionResult.getFailureMessage());
            };
        }
        return Optional.of(partitionResult);
    }
}
