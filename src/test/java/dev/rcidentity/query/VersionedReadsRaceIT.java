package dev.rcidentity.query;

import dev.rcidentity.kafka.KafkaTestCluster;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch's versioned reads ({@link VersionedReads}: the store itself under its position lock, no IQv2) racing the
 * stream thread's puts of new versions: no deadlock, and every version read is whole: the n-th record of a key, at its
 * timestamp, holds the count n, so a value that does not match its version's timestamp is a torn read.
 */
class VersionedReadsRaceIT {
    private static final String STORE = "race-versions";
    private static final int KEYS = 20;
    private static final int RECORDS = 20_000;
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void batchReadsRacingNewVersionsNeverDeadlockAndReadWholeVersions() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 1)) {
            KafkaStreams streams = RaceStreams.of(kafka, dir, "versioned-reads-race-it", versioningTopology());
            ExecutorService readers = Executors.newFixedThreadPool(2);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong answered = new AtomicLong();
            AtomicReference<String> torn = new AtomicReference<>();
            try {
                streams.start();
                LocalStores stores = new LocalStores(streams);
                for (int r = 0; r < 2; r++) {
                    boolean latest = r == 0;
                    readers.submit(() -> {
                        long round = 0;
                        while (!stop.get()) {
                            LocalStores batch = stores.forBatch();
                            for (int k = 0; k < KEYS; k++) {
                                Instant asOf = latest ? null : Instant.ofEpochMilli(BASE + (round++ * 7) % RECORDS);
                                check(k, asOf, batch.<String, Long>getVersioned(STORE, "key-" + k, asOf, 0, true), torn,
                                        answered);
                            }
                        }
                        return null;
                    });
                }
                RaceStreams.produce(kafka.bootstrapServers(), RECORDS, KEYS, BASE);

                Instant deadline = Instant.now().plus(WAIT);
                long[] deadlocked = null;
                long counted = 0;
                while (Instant.now().isBefore(deadline) && counted < RECORDS / KEYS) {
                    deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
                    if (deadlocked != null) {
                        break;
                    }
                    counted = stores.forBatch().<String, Long>getVersioned(STORE, "key-" + (KEYS - 1), null, 0, true)
                            .map(LocalStores.Read::value).map(VersionedRecord::value).orElse(0L);
                    Thread.sleep(100); // the poll interval of a wait on a condition
                }
                assertNull(deadlocked, "no thread deadlocked");
                assertNull(torn.get(), "every version read whole");
                assertEquals(RECORDS / KEYS, counted, "every version written");
                assertTrue(answered.get() > 0, "the readers were answered");
                LocalStores batch = stores.forBatch();
                for (int k = 0; k < KEYS; k++) {
                    Instant middle = Instant.ofEpochMilli(BASE + RECORDS / 2 + k);
                    VersionedRecord<Long> read = batch.<String, Long>getVersioned(STORE, "key-" + k, middle, 0, true)
                            .orElseThrow().value();
                    assertEquals(RECORDS / 2 / KEYS + 1, read.value(), "key-" + k + " as of " + middle);
                    VersionedRecord<Long> iqv2 = stores.<String, Long>getVersioned(STORE, "key-" + k, middle, 0, true)
                            .orElseThrow().value();
                    assertEquals(List.of(iqv2.value(), iqv2.timestamp()), List.of(read.value(), read.timestamp()),
                            "a batch reads the version IQv2 reads (the typed store's get leaves out validTo)");
                }
            } finally {
                stop.set(true);
                readers.shutdown();
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /** The n-th record of key k is stamped BASE + k + (n - 1) * KEYS and counts n. */
    private static void check(int k, Instant asOf, Optional<LocalStores.Read<VersionedRecord<Long>>> read,
                              AtomicReference<String> torn, AtomicLong answered) {
        if (read.isEmpty()) {
            return;
        }
        answered.incrementAndGet();
        VersionedRecord<Long> version = read.get().value();
        if (version == null) {
            return;
        }
        long expected = (version.timestamp() - BASE - k) / KEYS + 1;
        if (version.value() != expected || asOf != null && version.timestamp() > asOf.toEpochMilli()) {
            torn.compareAndSet(null, "key-" + k + " as of " + asOf + ": " + version);
        }
    }

    /** Puts a new version of the record's key per record: the count of its records so far, at the record's time. */
    private static StreamsBuilder versioningTopology() {
        return RaceStreams.writing(Stores.versionedKeyValueStoreBuilder(Stores.persistentVersionedKeyValueStore(STORE,
                Duration.ofDays(1)), Serdes.String(), Serdes.Long()), (VersionedKeyValueStore<String, Long> versions,
                Record<String, String> record) -> {
                    VersionedRecord<Long> latest = versions.get(record.key());
                    versions.put(record.key(), latest == null ? 1 : latest.value() + 1, record.timestamp());
                });
    }

}
