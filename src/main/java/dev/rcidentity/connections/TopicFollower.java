package dev.rcidentity.connections;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of one topic from the beginning, outside any consumer group: first to the end offsets of
 * the moment on the caller's thread, then on a background thread until closed. The consumer is used by one thread
 * at a time: the caller's until {@link #start}, the follower's after.
 */
final class TopicFollower {
    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<byte[], byte[]>> apply;
    private volatile boolean closed;
    private Thread thread;

    TopicFollower(KafkaConsumer<byte[], byte[]> consumer, String topic, Consumer<ConsumerRecord<byte[], byte[]>> apply) {
        this.consumer = consumer;
        this.topic = topic;
        this.apply = apply;
    }

    /** @throws ConnectionStoreException when the topic is missing or cannot be read to its end within the timeout */
    void readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new ConnectionStoreException("Topic " + topic + " does not exist; create the topics first", null);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new ConnectionStoreException("Reading " + topic + " to its end took longer than " + timeout, null);
                }
                consumer.poll(POLL).forEach(apply);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new ConnectionStoreException("Cannot read " + topic + " within " + timeout + ": " + e.getMessage(), e);
        }
    }

    void start(String threadName) {
        thread = new Thread(this::follow, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            while (!closed) {
                try {
                    consumer.poll(POLL).forEach(apply);
                } catch (WakeupException | InterruptException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Following {} failed, retrying in {}: {}", topic, BACKOFF, e.getMessage());
                    Thread.sleep(BACKOFF.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    void close() {
        closed = true;
        if (thread == null) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
