package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ConnectionStatus;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The connections of the {@code rc.connections.v1} partitions that consumer group {@code POLLER_GROUP_ID} assigns
 * to this instance (cooperative-sticky). A newly assigned partition is read from its beginning (the topic is
 * compacted; no offset is committed) to learn its connections; the connection records themselves come from the
 * {@link ConnectionStore}, which every instance follows whole, and a connection is told only once the store knows
 * its record. On revocation, and when partitions are lost, every connection of those partitions is stopped (sweeps
 * and token exchanges) before the {@link GroupRebalanceListener} returns, that is before the group hands them to
 * another instance.
 *
 * <p>A killed instance's partitions move once the group's session times out: Kafka's {@code session.timeout.ms},
 * 45 s unless the {@code KAFKA_*} properties say otherwise.
 */
final class GroupAssignment implements ConnectionAssignment {
    private static final Logger log = LoggerFactory.getLogger(GroupAssignment.class);
    private static final String TOPIC = Topics.CONNECTIONS.name();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);

    private final ConnectionStore store;
    private final Map<String, Object> consumerProperties;
    private final OwnedPartitions partitions = new OwnedPartitions();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean loaded;
    private volatile boolean closed;
    private Thread thread;
    private Holder holder;
    private GroupRebalanceListener rebalance;

    GroupAssignment(ConnectionStore store, KafkaClients kafka, String groupId) {
        this.store = store;
        this.consumerProperties = kafka.groupMember("rc-identity-poller-group", groupId);
    }

    @Override
    public void start(Holder holder) {
        this.holder = holder;
        this.rebalance = new GroupRebalanceListener(partitions, holder, () -> consumer);
        store.addListener((id, connection) -> {
            if (!closed) {
                partitions.ifOwned(id, holder::changed);
            }
        });
        thread = new Thread(this::run, "rc-poller-group");
        thread.setDaemon(true);
        thread.start();
    }

    /** True once the partitions of the first assignment were read to their end. */
    @Override
    public boolean loaded() {
        return loaded;
    }

    @Override
    public ConnectionStatus.Assignment assignmentOf(String connectionId) {
        return partitions.assignmentOf(connectionId);
    }

    /** How many partitions of rc.connections.v1 this instance owns now. */
    int ownedPartitions() {
        return partitions.ownedCount();
    }

    private void run() {
        while (!closed) {
            consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            try {
                consumer.subscribe(List.of(TOPIC), rebalance);
                while (!closed) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        seen(record);
                    }
                    loaded |= rebalance.caughtUp();
                }
            } catch (WakeupException e) {
                // closed
            } catch (RuntimeException e) {
                log.error("The poller's group membership failed; leaving the group and joining again in {}",
                        RETRY_BACKOFF, e);
            } finally {
                // Leaving the group revokes every partition first (the listener stops their connections).
                close(consumer);
                rebalance.drop(partitions.revokeAll(), "the membership ended");
            }
            pause(RETRY_BACKOFF);
        }
    }

    private void seen(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        partitions.seen(id, record.partition(), known -> {
            if (store.get(known).isPresent() || store.unreadable(known)) {
                holder.changed(known);
            }
        });
    }

    private static void close(KafkaConsumer<byte[], byte[]> consumer) {
        try {
            consumer.close(CloseOptions.timeout(CLOSE_WAIT));
        } catch (RuntimeException e) {
            log.warn("Poller group: closing the consumer failed: {}", e.toString());
        }
    }

    private void pause(Duration duration) {
        if (closed) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis()); // a backoff before joining again, not a synchronization
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Leaves the group, its connections stopped first; returns once done (bounded). */
    @Override
    public void close() {
        closed = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(CLOSE_WAIT.plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
