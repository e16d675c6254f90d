package dev.rcidentity.poller;

import dev.rcidentity.kafka.Topic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends records keyed by id, timestamped with event time, serialized with the serdes of {@code Topics}, and waits
 * for Kafka's acknowledgements: the caller learns exactly which values were acknowledged.
 */
final class SnapshotPublisher implements AutoCloseable {
    /** What Kafka acknowledged, in order, and the first failure (null when all were). */
    record Outcome<V>(List<V> acknowledged, RuntimeException failure) {
        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private final Producer<byte[], byte[]> producer;
    private final Duration ackTimeout;

    SnapshotPublisher(Producer<byte[], byte[]> producer, Duration ackTimeout) {
        this.producer = producer;
        this.ackTimeout = ackTimeout;
    }

    <V> Outcome<V> publish(Topic<String, V> topic, List<V> values, Function<V, String> key,
                           Function<V, Instant> timestamp) throws InterruptedException {
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        RuntimeException failure = null;
        try {
            for (V value : values) {
                String id = key.apply(value);
                futures.add(producer.send(new ProducerRecord<>(topic.name(), null, timestamp.apply(value).toEpochMilli(),
                        topic.keySerde().serializer().serialize(topic.name(), id),
                        topic.valueSerde().serializer().serialize(topic.name(), value))));
            }
        } catch (RuntimeException e) {
            failure = new PublishException("Cannot send to " + topic + ": " + e.getMessage(), e);
        }
        List<V> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(values.get(i));
            } catch (ExecutionException e) {
                failure = failure != null ? failure
                        : new PublishException("Kafka did not acknowledge a record for " + topic + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                failure = failure != null ? failure
                        : new PublishException("No acknowledgement from Kafka for " + topic + " within " + ackTimeout, e);
            }
        }
        return new Outcome<>(List.copyOf(acknowledged), failure);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
