package dev.rcidentity.bench;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.IdentityState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recovery: the state directory is wiped and a fresh client restores every store from its changelog. Timed from
 * {@code start()} until the client is RUNNING again (rebalance included), then the identities are counted.
 */
final class RecoveryBench {
    static final String SECTION = "7. Memory and recovery";

    private RecoveryBench() {
    }

    /** Restore listener that adds up restored records per store. */
    private static final class Restored implements StateRestoreListener {
        final Map<String, AtomicLong> byStore = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
            byStore.computeIfAbsent(store, s -> new AtomicLong()).addAndGet(numRestored);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        }

        long total() {
            return byStore.values().stream().mapToLong(AtomicLong::get).sum();
        }

        String describe() {
            return new TreeMap<>(byStore).entrySet().stream()
                    .map(e -> String.format("%s %,d", e.getKey(), e.getValue().get()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** The restore figure, and the restored client (running; the caller closes it). */
    record Recovered(Figure figure, StreamsApp app) {
    }

    /** {@code app} is closed here and its state under {@code stateDir} deleted; a fresh client restores it. */
    static Recovered run(BenchKafka kafka, StreamsApp app, Properties config, Path stateDir,
                         Function<Properties, org.apache.kafka.streams.Topology> topology) throws Exception {
        app.close();
        BenchRunner.deleteRecursively(stateDir.resolve(app.applicationId));
        Restored restored = new Restored();
        long start = System.nanoTime();
        StreamsApp fresh = StreamsApp.start(kafka, config, topology, restored);
        long nanos = System.nanoTime() - start;
        long identities = countIdentities(fresh);
        double seconds = nanos / 1e9;
        Figure figure = Figure.info(SECTION, "restore after wiping the state", seconds, "s", List.of(seconds),
                        String.format("%,d identities restored; %,d changelog records in all (%s)", identities,
                                restored.total(), restored.describe()))
                .against(String.format("<= 60 s (%,d identities)", identities), seconds <= 60);
        return new Recovered(figure, fresh);
    }

    private static long countIdentities(StreamsApp app) {
        ReadOnlyKeyValueStore<String, IdentityState> store = app.streams.store(StoreQueryParameters.fromNameAndType(
                StateStores.IDENTITIES.name(), QueryableStoreTypes.<String, IdentityState>keyValueStore()));
        long count = 0;
        try (KeyValueIterator<String, IdentityState> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }
}
