package dev.rcidentity.query;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStoreWithHeaders;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

import java.util.List;

/**
 * Finds the key-value store of one store partition on this instance when asked, not on every read. Kafka Streams'
 * read-only view (IQv1, {@code QueryableStoreTypes.keyValueStore()}) finds its store again on every get: through the
 * stream thread's tasks, a new collection of them each time, under the state updater's lock. A batch finds the store
 * once per partition and reads all its keys from it; the reads are the view's own (the store's get, which takes the
 * store's lock only), so the KAFKA-19629-safe read path is kept.
 * <p>
 * {@code streams.store(StoreQueryParameters.fromNameAndType(name, StoreLookup.type()).withPartition(p))} hands out a
 * lookup instead of a view; Kafka Streams checks there, as for a view, that the store exists in the topology.
 */
final class StoreLookup<K, V> {
    private final StateStoreProvider provider;
    private final String store;
    private final QueryableStoreType<StoreLookup<K, V>> type;

    private StoreLookup(StateStoreProvider provider, String store, QueryableStoreType<StoreLookup<K, V>> type) {
        this.provider = provider;
        this.store = store;
        this.type = type;
    }

    static <K, V> QueryableStoreType<StoreLookup<K, V>> type() {
        return new QueryableStoreType<>() {
            @Override
            public boolean accepts(StateStore stateStore) {
                return stateStore instanceof ReadOnlyKeyValueStore;
            }

            @Override
            public StoreLookup<K, V> create(StateStoreProvider storeProvider, String storeName) {
                return new StoreLookup<>(storeProvider, storeName, this);
            }
        };
    }

    /**
     * The store of the partition, as found now.
     *
     * @throws InvalidStateStoreException when this instance cannot answer for the partition now: not hosted here (or
     *                                    not active when the lookup requires it), restoring, rebalancing, closed
     */
    @SuppressWarnings("unchecked")
    ReadOnlyKeyValueStore<K, V> find() {
        // The provider hands out the stores themselves (typed after the lookup): with a partition set, exactly one.
        List<?> found = provider.stores(store, type);
        Object first = found.get(0);
        if (first instanceof TimestampedKeyValueStore<?, ?> || first instanceof TimestampedKeyValueStoreWithHeaders<?, ?>) {
            throw new IllegalStateException("store " + store + " holds timestamped values; StoreLookup reads plain "
                    + "key-value stores only");
        }
        return (ReadOnlyKeyValueStore<K, V>) first;
    }
}
