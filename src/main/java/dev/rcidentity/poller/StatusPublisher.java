package dev.rcidentity.poller;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.TopicProvisioner;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ConnectionStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes what this instance does with each connection to {@code <APPLICATION_ID>-connection-status}: on hold, after
 * every sweep, on release (no longer {@code heldBy} anyone), and a tombstone when the connection is removed. Best
 * effort: a status that Kafka refuses is logged and overwritten by the next one; sweeps never wait for it.
 */
final class StatusPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, ConnectionStatus> last = new ConcurrentHashMap<>();
    private final Topic<String, ConnectionStatus> topic;
    private final Producer<String, ConnectionStatus> producer;
    private final String instance;
    private final Clock clock;

    StatusPublisher(Topic<String, ConnectionStatus> topic, Producer<String, ConnectionStatus> producer,
                    String instance, Clock clock) {
        this.topic = topic;
        this.producer = producer;
        this.instance = instance;
        this.clock = clock;
    }

    /** Creates the status topic when missing; {@code instance} is what {@code heldBy} says of this one. */
    static StatusPublisher start(KafkaClients kafka, String applicationId, String instance, Clock clock) {
        TopicProvisioner.ensureInternal(kafka, applicationId);
        Topic<String, ConnectionStatus> topic = Topics.connectionStatus(applicationId);
        return new StatusPublisher(topic, new KafkaProducer<>(kafka.producer("rc-identity-connection-status",
                DELIVERY_TIMEOUT), topic.keySerde().serializer(), topic.valueSerde().serializer()), instance, clock);
    }

    String instance() {
        return instance;
    }

    void held(String connectionId, Instant nextSweepAt, ConnectionStatus.Assignment assignment) {
        ConnectionStatus before = last.get(connectionId);
        send(new ConnectionStatus(connectionId, instance, before == null ? null : before.lastSweep(), nextSweepAt,
                clock.instant(), subscriptionOf(before), assignment));
    }

    void swept(String connectionId, SweepOutcome outcome, Instant nextSweepAt) {
        ConnectionStatus.LastSweep sweep = new ConnectionStatus.LastSweep(clock.instant(), outcome.status().name(),
                outcome.extensionsSeen(), outcome.extensionsPublished(), outcome.deletionsPublished());
        ConnectionStatus before = last.get(connectionId);
        send(new ConnectionStatus(connectionId, instance, sweep, nextSweepAt, clock.instant(), subscriptionOf(before),
                assignmentOf(before)));
    }

    /** This instance no longer holds the connection; its last sweep stays visible. */
    void released(String connectionId) {
        ConnectionStatus before = last.get(connectionId);
        send(new ConnectionStatus(connectionId, null, before == null ? null : before.lastSweep(), null,
                clock.instant(), subscriptionOf(before)));
    }

    /** The connection's webhook subscription changed (created, renewed, recreated). */
    void subscription(String connectionId, ConnectionStatus.Subscription subscription) {
        ConnectionStatus before = last.get(connectionId);
        send(new ConnectionStatus(connectionId, instance, before == null ? null : before.lastSweep(),
                before == null ? null : before.nextSweepAt(), clock.instant(), subscription, assignmentOf(before)));
    }

    private static ConnectionStatus.Subscription subscriptionOf(ConnectionStatus status) {
        return status == null ? null : status.subscription();
    }

    private static ConnectionStatus.Assignment assignmentOf(ConnectionStatus status) {
        return status == null ? null : status.assignment();
    }

    void removed(String connectionId) {
        last.remove(connectionId);
        producer.send(new ProducerRecord<>(topic.name(), connectionId, null), (metadata, e) -> logFailure(connectionId, e));
    }

    private void send(ConnectionStatus status) {
        last.put(status.connectionId(), status);
        producer.send(new ProducerRecord<>(topic.name(), null, status.updatedAt().toEpochMilli(), status.connectionId(),
                status), (metadata, e) -> logFailure(status.connectionId(), e));
    }

    private void logFailure(String connectionId, Exception e) {
        if (e != null) {
            log.warn("Status of connection {} not written to {}: {}", connectionId, topic.name(), e.getMessage());
        }
    }

    /** Sends what is pending (bounded by the delivery timeout) and closes the producer. */
    @Override
    public void close() {
        producer.close(DELIVERY_TIMEOUT);
    }
}
