package dev.rcidentity.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values found about the Kafka Streams client's tasks, each kept while the {@link StreamsGeneration} it was found in
 * lasts. The keys are few (store partitions), so the map is bounded by the topology; an entry of an old generation is
 * replaced on its next read.
 */
final class GenerationCache<K, V> {
    private record Entry<V>(long generation, V value) {
    }

    private final StreamsGeneration generation;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    GenerationCache(StreamsGeneration generation) {
        this.generation = generation;
    }

    /** The value kept for {@code key} in this generation, else what {@code find} finds now (kept if the generation is stable). */
    V get(K key, Supplier<V> find) {
        long now = generation.stable();
        if (now == StreamsGeneration.UNSTABLE) {
            return find.get();
        }
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == now) {
            return entry.value();
        }
        V value = find.get();
        entries.put(key, new Entry<>(now, value));
        return value;
    }

    /** Drops what was kept for {@code key}: it turned out to be no longer valid (a store closed since). */
    void forget(K key) {
        entries.remove(key);
    }
}
