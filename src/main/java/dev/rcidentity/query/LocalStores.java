package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads one partition of a store on this instance. An empty result means "this instance cannot answer for that
 * partition now": Kafka Streams is not running or is rebalancing, the partition is not hosted here, not active when
 * active was required, or still restoring. A present result holds the value, which may itself be null (not found).
 * Anything else (a store name the topology does not have, a store that failed the query) is a programming error and
 * throws, so that it answers 500 and is logged instead of passing for an unavailability.
 * <p>
 * Key-value stores are read through their read-only views (IQv1), not IQv2: Kafka Streams 4.3's IQv2 query takes a
 * RocksDB store's position lock before the store's lock while the stream thread's put takes them the other way round
 * (KAFKA-19629), so an IQv2 key or range read racing a write can deadlock both. The read-only view takes the store's
 * lock only. Kafka Streams' view finds its store on every read, through the stream thread's tasks under their lock;
 * here {@link StoreLookup} finds it when asked, and the store found is kept while the Kafka Streams client stays
 * RUNNING in the same {@link StreamsGeneration} (no rebalance, no change of state since), so a read takes no lock of
 * Kafka Streams' but the store's own. A kept store that was closed since answers as a partition not hosted here and is
 * found again on the next read. A batch also keeps what it found for itself ({@link #forBatch}). The versioned
 * store ({@code extensions}) is read with IQv2 (there a put and a query both take the position lock first), and by a
 * batch under that same lock ({@link VersionedReads}).
 */
final class LocalStores implements LocalReads {
    /** The value read; {@code value} is null when the key is absent. */
    record Read<V>(V value) {
    }

    private record View(String store, int partition, boolean activeOnly) {
    }

    private record Key(View view, Object key) {
    }

    private final KafkaStreams streams;
    private final StorePositions positions;
    private final Map<View, StoreLookup<?, ?>> lookups;
    private final GenerationCache<View, ReadOnlyKeyValueStore<?, ?>> handles;
    /** The stores a batch found, and the reads it made; null for single reads, which find their store every time. */
    private final Map<View, ReadOnlyKeyValueStore<?, ?>> found;
    private final Map<Key, Read<?>> reads;
    /** A batch's versioned reads, without an IQv2 round per key; null for single reads. */
    private final VersionedReads versioned;

    /** Reads that find their store every time: nothing tells them when Kafka Streams rebalances. */
    LocalStores(KafkaStreams streams) {
        this(streams, StreamsGeneration.unheard(streams));
    }

    /** Reads that keep the stores they found while {@code generation} lasts. */
    LocalStores(KafkaStreams streams, StreamsGeneration generation) {
        this(streams, new StorePositions(streams), new ConcurrentHashMap<>(), new GenerationCache<>(generation), null, null,
                null);
    }

    private LocalStores(KafkaStreams streams, StorePositions positions, Map<View, StoreLookup<?, ?>> lookups,
                        GenerationCache<View, ReadOnlyKeyValueStore<?, ?>> handles,
                        Map<View, ReadOnlyKeyValueStore<?, ?>> found, Map<Key, Read<?>> reads, VersionedReads versioned) {
        this.streams = streams;
        this.positions = positions;
        this.lookups = lookups;
        this.handles = handles;
        this.found = found;
        this.reads = reads;
        this.versioned = versioned;
    }

    /**
     * Reads for one batch, on one thread: each store partition is found once (the first read of it), and a key read
     * again (the account of many owners) is answered from the first read. A partition this instance cannot answer for
     * is tried again on the next read, as single reads are.
     */
    @Override
    public LocalStores forBatch() {
        return new LocalStores(streams, positions, lookups, handles, new HashMap<>(), new HashMap<>(),
                new VersionedReads(streams));
    }

    @Override
    public <T> Optional<Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly) {
        return query.readFrom(this, partition, activeOnly);
    }

    <K, V> Optional<Read<V>> get(String store, K key, int partition, boolean activeOnly) {
        return get(store, key, partition, activeOnly, null);
    }

    /**
     * @param bound the position the store must have reached (empty result until it has, see {@link StorePositions});
     *              null for none. Kafka Streams 4.3 drops the bound of an IQv2 query that requires the active copy, so
     *              the bound is checked here, before the read.
     */
    @SuppressWarnings("unchecked")
    <K, V> Optional<Read<V>> get(String store, K key, int partition, boolean activeOnly, Position bound) {
        if (bound != null && !positions.reached(store, partition, activeOnly, bound)) {
            return Optional.empty();
        }
        Key read = new Key(new View(store, partition, activeOnly), key);
        Read<V> earlier = reads == null || bound != null ? null : (Read<V>) reads.get(read);
        if (earlier != null) {
            return Optional.of(earlier);
        }
        Optional<Read<V>> value = this.<K, V, V>onView(read.view(), view -> view.get(key));
        if (reads != null && bound == null) {
            value.ifPresent(v -> reads.put(read, v));
        }
        return value;
    }

    /** Visits the keys from {@code from} to {@code to} in order; the iterator is always closed. */
    <K, V, R> Optional<Read<R>> scan(String store, K from, K to, int partition, boolean activeOnly,
                                     Function<KeyValueIterator<K, V>, R> visitor) {
        return this.<K, V, R>onView(new View(store, partition, activeOnly), view -> {
            try (KeyValueIterator<K, V> iterator = view.range(from, to)) {
                return visitor.apply(iterator);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <K, V, R> Optional<Read<R>> onView(View view, Function<ReadOnlyKeyValueStore<K, V>, R> read) {
        if (!streams.state().isRunningOrRebalancing()) {
            return Optional.empty();
        }
        try {
            ReadOnlyKeyValueStore<K, V> store = (ReadOnlyKeyValueStore<K, V>) (found == null ? find(view)
                    : found.computeIfAbsent(view, this::find));
            return Optional.of(new Read<>(read.apply(store)));
        } catch (UnknownStateStoreException e) {
            throw new IllegalStateException("the topology has no store " + view.store(), e);
        } catch (InvalidStateStoreException e) {
            handles.forget(view); // closed since it was found: find it again on the next read
            if (found != null) {
                found.remove(view);
            }
            return Optional.empty(); // not hosted here (or not active), restoring, rebalancing, stopping
        }
    }

    private ReadOnlyKeyValueStore<?, ?> find(View view) {
        return handles.get(view, () -> lookups.computeIfAbsent(view, this::lookup).find());
    }

    private StoreLookup<?, ?> lookup(View view) {
        StoreQueryParameters<StoreLookup<Object, Object>> parameters = StoreQueryParameters
                .fromNameAndType(view.store(), StoreLookup.type()).withPartition(view.partition());
        return streams.store(view.activeOnly() ? parameters : parameters.enableStaleStores());
    }

    <K, V> Optional<Read<VersionedRecord<V>>> getVersioned(String store, K key, Instant asOf, int partition, boolean activeOnly) {
        if (versioned != null) {
            return versioned.get(store, key, asOf, partition, activeOnly);
        }
        VersionedKeyQuery<K, V> query = VersionedKeyQuery.withKey(key);
        StateQueryRequest<VersionedRecord<V>> request = StateQueryRequest.inStore(store)
                .withQuery(asOf == null ? query : query.asOf(asOf)).withPartitions(Set.of(partition));
        StateQueryResult<VersionedRecord<V>> result;
        try {
            result = streams.query(activeOnly ? request.requireActive() : request);
        } catch (UnknownStateStoreException e) {
            throw new IllegalStateException("the topology has no store " + store, e);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // not started, stopping, rebalancing
        }
        QueryResult<VersionedRecord<V>> partitionResult = result.getPartitionResults().get(partition);
        if (partitionResult == null) {
            return Optional.empty();
        }
        if (partitionResult.isFailure()) {
            return switch (partitionResult.getFailureReason()) {
                case NOT_ACTIVE, NOT_PRESENT, NOT_UP_TO_BOUND -> Optional.empty();
                default -> throw new IllegalStateException("store " + store + " partition " + partition + " failed "
                        + "a versioned key query: " + partitionResult.getFailureReason() + " "
                        + partitionResult.getFailureMessage());
            };
        }
        return Optional.of(new Read<>(partitionResult.getResult()));
    }
}
