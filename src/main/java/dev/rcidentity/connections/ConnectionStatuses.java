package dev.rcidentity.connections;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.TopicProvisioner;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ConnectionStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the pollers say about each connection ({@code heldBy}, last sweep, next sweep), read from the internal
 * {@code <APPLICATION_ID>-connection-status} topic: read to its end at start, then followed, so any process (the
 * HTTP API's included) sees the status of connections held by pollers in other processes within a poll.
 */
public final class ConnectionStatuses implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionStatuses.class);

    private final Map<String, ConnectionStatus> statuses = new ConcurrentHashMap<>();
    private final Topic<String, ConnectionStatus> topic;
    private final TopicFollower follower;

    private ConnectionStatuses(KafkaClients kafka, String applicationId, Duration timeout) {
        this.topic = Topics.connectionStatus(applicationId);
        TopicProvisioner.ensureInternal(kafka, applicationId);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.readCommittedConsumer(
                "rc-identity-connection-status-reader"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.follower = new TopicFollower(consumer, topic.name(), this::apply);
        try {
            follower.readToEnd(timeout);
        } catch (RuntimeException e) {
            follower.close();
            throw e;
        }
        follower.start("rc-connection-status-follower");
    }

    /**
     * Creates the topic when missing, reads it to its end (within {@code timeout}) and keeps following it.
     *
     * @throws ConnectionStoreException when it cannot be read to its end in time
     */
    public static ConnectionStatuses start(KafkaClients kafka, String applicationId, Duration timeout) {
        return new ConnectionStatuses(kafka, applicationId, timeout);
    }

    /** The newest status of the connection; empty when no poller has reported on it (or it was removed). */
    public Optional<ConnectionStatus> get(String connectionId) {
        return Optional.ofNullable(statuses.get(connectionId));
    }

    /** Every status, by connectionId. */
    public Map<String, ConnectionStatus> all() {
        return new TreeMap<>(statuses);
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            statuses.remove(id);
            return;
        }
        try {
            statuses.put(id, topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
        } catch (SerializationException e) {
            log.warn("Status of connection {} at {}-{}@{} cannot be read: {}", id, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
