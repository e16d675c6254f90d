package dev.rcidentity.bench;

import dev.rcidentity.model.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Records shaped like ours, as bytes (for the floors), and a send loop that fails on the first send error. */
final class Records {
    private static final int POOL = 4096;

    private Records() {
    }

    /**
     * {@code POOL} values as JSON, to cycle through without serializing again: extension snapshots and logins in
     * turn (~300 bytes on average). Drawing logins advances {@code workload}, so the floors use a workload of their own.
     */
    static byte[][] valuePool(Workload workload) {
        byte[][] pool = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            Object value = i % 2 == 0 ? workload.extension(i % workload.extensions()) : workload.nextLogin();
            pool[i] = Json.serializer().serialize(null, value);
        }
        return pool;
    }

    static byte[] key(long id) {
        return Long.toString(id).getBytes(StandardCharsets.UTF_8);
    }

    static double averageSize(byte[][] pool) {
        long total = 0;
        for (byte[] value : pool) {
            total += value.length;
        }
        return (double) total / pool.length;
    }

    /** Sends {@code count} records made by {@code record} and waits for every acknowledgement. */
    static <K, V> void sendAll(KafkaProducer<K, V> producer, int count, IntFunction<ProducerRecord<K, V>> record) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < count && failure.get() == null; i++) {
            producer.send(record.apply(i), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("A bench record was not acknowledged: " + failure.get().getMessage(),
                    failure.get());
        }
    }
}
