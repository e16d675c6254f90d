package dev.rcidentity.bench;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code rc.extensions.v1} read_committed from the beginning: counts the extensions seen (the first sweeps are
 * done when every one is), and times each awaited change from {@link #await} to the first snapshot of that extension
 * that shows it (the new number when one is given, else any newer snapshot).
 */
final class StalenessWatch implements AutoCloseable {
    private record Awaited(long since, String number) {
    }

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, Awaited> pending = new ConcurrentHashMap<>();
    private final List<Double> millis = new ArrayList<>();
    private final Thread reader;
    private volatile boolean stop;

    StalenessWatch(BenchKafka kafka) {
        reader = new Thread(() -> read(kafka), "bench-staleness-reader");
        reader.setDaemon(true);
        reader.start();
    }

    int extensionsSeen() {
        return seen.size();
    }

    /**
     * Times the change of one extension from {@code sinceNanos} (just before the simulator made it). A second change
     * of it before the first is seen keeps the first's time and awaits the latest number: the snapshot that shows
     * the first change may show the second already.
     */
    void await(String extensionId, String newNumber, long sinceNanos) {
        pending.merge(extensionId, new Awaited(sinceNanos, newNumber), (first, second) ->
                new Awaited(first.since(), second.number() != null ? second.number() : first.number()));
    }

    /** The extension left: a pending change of it is seen with its last snapshot (deleted), whatever its number. */
    void departed(String extensionId) {
        pending.computeIfPresent(extensionId, (id, awaited) -> new Awaited(awaited.since(), null));
    }

    int pending() {
        return pending.size();
    }

    /** Staleness samples so far, in ms. */
    double[] samples() {
        synchronized (millis) {
            return millis.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Until nothing is pending or the deadline passes. */
    void drain(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50); // the poll interval of a wait on a condition
        }
    }

    private void read(BenchKafka kafka) {
        try (KafkaConsumer<String, ExtensionSnapshot> consumer = kafka.consumer(
                Topics.EXTENSIONS.keySerde().deserializer(), Topics.EXTENSIONS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = kafka.partitionsOf(Topics.EXTENSIONS.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop) {
                for (ConsumerRecord<String, ExtensionSnapshot> record : consumer.poll(Duration.ofMillis(20))) {
                    ExtensionSnapshot snapshot = record.value();
                    if (snapshot != null) {
                        seen(snapshot, System.nanoTime());
                    }
                }
            }
        }
    }

    private void seen(ExtensionSnapshot snapshot, long now) {
        seen.add(snapshot.extensionId());
        Awaited awaited = pending.get(snapshot.extensionId());
        if (awaited == null || (awaited.number() != null && !awaited.number().equals(snapshot.extensionNumber()))) {
            return;
        }
        pending.remove(snapshot.extensionId());
        synchronized (millis) {
            millis.add((now - awaited.since()) / 1e6);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        reader.join(10_000);
    }
}
