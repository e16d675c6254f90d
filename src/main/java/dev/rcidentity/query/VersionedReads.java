package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned reads of one batch, on one thread: each store partition is found once, and each key is read from the
 * store itself under the lock its writes take (the store's position), which is what an IQv2 {@code VersionedKeyQuery}
 * does for one key, without an IQv2 round (a request, a search of the stream threads' tasks, a result map) per key.
 * Kafka Streams 4.3 has no read-only view of versioned stores; {@link #type()} hands out the store a task holds, as the
 * views of key-value stores are handed out. An empty result means "this instance cannot answer for that partition now".
 */
final class VersionedReads {
    private record Partition(String store, int partition, boolean activeOnly) {
    }

    private final KafkaStreams streams;
    private final Map<Partition, VersionedKeyValueStore<?, ?>> found = new HashMap<>();

    VersionedReads(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * The version valid at {@code asOf} (null: the latest), as {@link LocalStores#getVersioned} reads it, but without
     * {@code validTo} (the typed store's get leaves it out; the reads here use the value).
     */
    @SuppressWarnings("unchecked")
    <K, V> Optional<LocalStores.Read<VersionedRecord<V>>> get(String store, K key, Instant asOf, int partition,
                                                              boolean activeOnly) {
        if (!streams.state().isRunningOrRebalancing()) {
            return Optional.empty();
        }
        Partition where = new Partition(store, partition, activeOnly);
        try {
            VersionedKeyValueStore<K, V> versioned = (VersionedKeyValueStore<K, V>) found.computeIfAbsent(where, this::find);
            synchronized (versioned.getPosition()) {
                return Optional.of(new LocalStores.Read<>(asOf == null ? versioned.get(key)
                        : versioned.get(key, asOf.toEpochMilli())));
            }
        } catch (UnknownStateStoreException e) {
            throw new IllegalStateException("the topology has no store " + store, e);
        } catch (InvalidStateStoreException e) {
            found.remove(where); // closed since it was found, or not here now: found again on the next read
            return Optional.empty();
        }
    }

    private VersionedKeyValueStore<?, ?> find(Partition where) {
        StoreQueryParameters<Found> parameters = StoreQueryParameters.fromNameAndType(where.store(), TYPE)
                .withPartition(where.partition());
        return streams.store(where.activeOnly() ? parameters : parameters.enableStaleStores()).store();
    }

    /** The store of the partition itself, as the provider finds it when the store is asked for. */
    private record Found(VersionedKeyValueStore<?, ?> store) {
    }

    private static final QueryableStoreType<Found> TYPE = new QueryableStoreType<>() {
        @Override
        public boolean accepts(StateStore stateStore) {
            return stateStore instanceof VersionedKeyValueStore<?, ?>;
        }

        @Override
        public Found create(StateStoreProvider provider, String storeName) {
            // The provider hands out the accepted stores themselves (typed after this type): with a partition, one.
            List<?> stores = provider.stores(storeName, this);
            return new Found((VersionedKeyValueStore<?, ?>) stores.get(0));
        }
    };
}
