package dev.rcidentity.query;

import dev.rcidentity.kafka.KafkaTestCluster;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookups racing the stream thread's writes to the same RocksDB store, the way HTTP threads race it in production:
 * no read may deadlock with a write (Kafka Streams 4.3's IQv2 key and range queries lock the store's position before
 * the store, its writes the other way round: KAFKA-19629). Before LocalStores read through the read-only view, this
 * found a deadlocked stream thread within seconds. One reader reads as batches do: the store partition found once per
 * batch of keys; the others keep the store they found while Kafka Streams stays RUNNING, as the API's reads do.
 */
class LocalStoresRaceIT {
    private static final String STORE = "race-counts";
    private static final int KEYS = 20;
    private static final int RECORDS = 20_000;
    private static final int READERS = 3;
    /** Three tight-loop readers take most of 2 cores: on a loaded machine the stream thread needed more than 120 s. */
    private static final Duration WAIT = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 360, unit = TimeUnit.SECONDS)
    void readsRacingWritesOfTheSameStoreNeverDeadlockAndSeeEveryWriteInTheEnd() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 1)) {
            KafkaStreams streams = RaceStreams.of(kafka, dir, "local-stores-race-it", countingTopology());
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong answered = new AtomicLong();
            StreamsGeneration generation = StreamsGeneration.listening(streams);
            streams.setStateListener(generation);
            try {
                streams.start();
                LocalStores stores = new LocalStores(streams, generation);
                for (int r = 0; r < READERS; r++) {
                    int reader = r;
                    readers.submit(() -> {
                        while (!stop.get()) {
                            if (reader == 2) {
                                readBatch(stores.forBatch(), answered);
                                continue;
                            }
                            Optional<?> read = reader == 0
                                    ? stores.scan(STORE, "key-0", "key-9", 0, true, LocalStoresRaceIT::count)
                                    : stores.get(STORE, "key-" + (answered.get() % KEYS), 0, true);
                            read.ifPresent(value -> answered.incrementAndGet());
                        }
                        return null;
                    });
                }
                RaceStreams.produce(kafka.bootstrapServers(), RECORDS, KEYS, System.currentTimeMillis());

                Instant deadline = Instant.now().plus(WAIT);
                long[] deadlocked = null;
                long counted = 0;
                while (Instant.now().isBefore(deadline) && counted < RECORDS) {
                    deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
                    if (deadlocked != null) {
                        break;
                    }
                    counted = stores.<String, Long, Long>scan(STORE, "key-", "key-~", 0, true, LocalStoresRaceIT::sum)
                            .map(LocalStores.Read::value).orElse(0L);
                    Thread.sleep(100); // the poll interval of a wait on a condition
                }
                long[] stuck = deadlocked;
                assertNull(stuck, () -> "deadlocked: " + describe(stuck));
                assertEquals(RECORDS, counted, "every write counted");
                assertTrue(answered.get() > 0, "the readers were answered");
                LocalStores batch = stores.forBatch();
                for (int k = 0; k < KEYS; k++) {
                    String key = "key-" + k;
                    assertEquals(Optional.of((long) RECORDS / KEYS), stores.<String, Long>get(STORE, key, 0, true)
                            .map(LocalStores.Read::value), key + " read alone");
                    assertEquals(Optional.of((long) RECORDS / KEYS), batch.<String, Long>get(STORE, key, 0, true)
                            .map(LocalStores.Read::value), key + " read in a batch");
                }
            } finally {
                stop.set(true);
                readers.shutdown();
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /** Reads every key, the stale-allowed copy, as a batch does: the store partition found once for all of them. */
    private static void readBatch(LocalStores batch, AtomicLong answered) {
        for (int k = 0; k < KEYS; k++) {
            batch.get(STORE, "key-" + k, 0, false).ifPresent(value -> answered.incrementAndGet());
        }
    }

    /** Counts the records of each key in {@link #STORE}: one read and one write of the store per record. */
    private static StreamsBuilder countingTopology() {
        return RaceStreams.writing(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()).withCachingDisabled(), (KeyValueStore<String, Long> counts, Record<String, String> record) -> {
                    Long count = counts.get(record.key());
                    counts.put(record.key(), count == null ? 1 : count + 1);
                });
    }


    private static long count(KeyValueIterator<String, Long> iterator) {
        long n = 0;
        while (iterator.hasNext()) {
            iterator.next();
            n++;
        }
        return n;
    }

    private static long sum(KeyValueIterator<String, Long> iterator) {
        long total = 0;
        while (iterator.hasNext()) {
            total += iterator.next().value;
        }
        return total;
    }

    private static String describe(long[] threadIds) {
        return Arrays.stream(ManagementFactory.getThreadMXBean().getThreadInfo(threadIds, true, true))
                .map(String::valueOf).collect(Collectors.joining("\n"));
    }
}
