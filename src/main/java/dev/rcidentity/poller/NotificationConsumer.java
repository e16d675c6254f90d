package dev.rcidentity.poller;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Notification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads {@code rc.notifications.v1} (every partition, no consumer group, from the end at start) and hands the
 * notifications of the connections this poller holds, received since it took each one on, to the fetcher, a short
 * window of them at a time; a window naming more extensions than the burst limit becomes one full sweep instead.
 * What came before a connection was taken on is left to its first full sweep, so a handover needs no offsets.
 */
final class NotificationConsumer implements AutoCloseable {
    /** What the consumer needs of the poller. */
    interface Connections {
        /** The held connection and when this instance took it on; null when not held. */
        Held held(String connectionId);

        void sweepSoon(String connectionId);
    }

    record Held(RunningConnection connection, Instant since) {
    }

    /** A window of one connection's notifications: when it opened, the newest receipt time in it, what they named. */
    private static final class Pending {
        final Instant firstAt;
        final NotifiedChanges changes = new NotifiedChanges();
        Instant newest = Instant.EPOCH;

        Pending(Instant firstAt) {
            this.firstAt = firstAt;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(NotificationConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<String, Notification> consumer;
    private final Connections connections;
    private final PushFetcher fetcher;
    private final PushOptions options;
    private final Clock clock;
    private final Map<String, Pending> pending = new HashMap<>();
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rc-push-fetch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Instant> handledThrough = new AtomicReference<>(Instant.EPOCH);
    private final Thread thread;
    private volatile boolean closed;

    NotificationConsumer(KafkaClients kafka, Connections connections, PushFetcher fetcher, PushOptions options,
                         Clock clock) {
        this.consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("rc-identity-notifications"),
                Topics.NOTIFICATIONS.keySerde().deserializer(), Topics.NOTIFICATIONS.valueSerde().deserializer());
        this.connections = connections;
        this.fetcher = fetcher;
        this.options = options;
        this.clock = clock;
        this.thread = new Thread(this::follow, "rc-push-notifications");
        thread.setDaemon(true);
    }

    /** Assigns every partition at its end offset (bounded), then follows on its own thread. */
    void start(Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.NOTIFICATIONS.name(), timeout);
        if (infos == null || infos.isEmpty()) {
            consumer.close(Duration.ZERO);
            throw new IllegalStateException("Topic " + Topics.NOTIFICATIONS.name() + " does not exist, and push "
                    + "(WEBHOOK_BASE_URL) needs it: create the topics first ('topics')");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, timeout));
        thread.start();
    }

    /** The newest receipt time of the notifications handled so far (fetched, swept or skipped). */
    Instant handledThrough() {
        return handledThrough.get();
    }

    private void follow() {
        try {
            while (!closed) {
                try {
                    for (ConsumerRecord<String, Notification> record : consumer.poll(POLL)) {
                        take(record);
                    }
                } catch (org.apache.kafka.common.errors.RecordDeserializationException e) {
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    log.warn("An unreadable record in {} skipped: {}", Topics.NOTIFICATIONS.name(), e.getMessage());
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("Reading {} failed, retrying in {}: {}", Topics.NOTIFICATIONS.name(), BACKOFF,
                            e.getMessage());
                    Thread.sleep(BACKOFF.toMillis());
                }
                flushDue();
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private void take(ConsumerRecord<String, Notification> record) {
        Notification notification = record.value();
        if (notification == null) {
            return;
        }
        Held held = connections.held(notification.connectionId());
        if (held == null || notification.receivedAt().isBefore(held.since())) {
            return;
        }
        Pending window = pending.computeIfAbsent(notification.connectionId(), k -> new Pending(clock.instant()));
        window.changes.add(notification.payload());
        if (notification.receivedAt().isAfter(window.newest)) {
            window.newest = notification.receivedAt();
        }
    }

    private void flushDue() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> entry = it.next();
            Pending window = entry.getValue();
            if (window.firstAt.plus(options.window()).isAfter(now)) {
                continue;
            }
            it.remove();
            work.execute(() -> handle(entry.getKey(), window));
        }
    }

    private void handle(String connectionId, Pending window) {
        NotifiedChanges changes = window.changes;
        try {
            Held held = connections.held(connectionId);
            if (held == null || changes.size() == 0) {
                return;
            }
            if (changes.size() > options.burstLimit()) {
                log.info("Connection '{}': notifications named {} extensions at once: one full sweep instead",
                        held.connection().name(), changes.size());
                connections.sweepSoon(connectionId);
            } else {
                fetcher.apply(held.connection(), changes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Connection {}: handling its notifications crashed", connectionId, e);
        } finally {
            handledThrough.accumulateAndGet(window.newest, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        work.shutdownNow();
        try {
            thread.join(10_000);
            work.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
