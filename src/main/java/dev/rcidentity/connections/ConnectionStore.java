package dev.rcidentity.connections;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connections of {@code rc.connections.v1}, in memory: read to the end at start, then followed by a background
 * consumer, so every instance sees every other instance's writes within a poll. Writes go through an idempotent
 * {@code acks=all} producer and return only once Kafka acknowledged them; they are visible here at once. Names are
 * not made unique here: the caller checks {@link #byName} before creating one.
 */
public final class ConnectionStore implements ConnectionCatalog, AutoCloseable {
    /** Told of every connection that appears, changes or goes away (null); called on the thread that saw it. */
    public interface Listener {
        void changed(String connectionId, Connection connectionOrNull);
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectionStore.class);
    private static final String TOPIC = Topics.CONNECTIONS.name();
    private static final int MAX_WRITE_ATTEMPTS = 3;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionView view = new ConnectionView();
    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicFollower follower;
    private final Duration writeTimeout;

    private ConnectionStore(KafkaClients kafka, Duration timeout) {
        this.writeTimeout = timeout;
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.readCommittedConsumer(
                "rc-identity-connections-reader"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            this.follower = new TopicFollower(consumer, TOPIC, this::apply);
            follower.readToEnd(timeout);
            this.producer = new KafkaProducer<>(writerProperties(kafka), new ByteArraySerializer(),
                    new ByteArraySerializer());
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        follower.start("rc-connections-follower");
        log.info("Loaded {} connections from {}", view.all().size(), TOPIC);
    }

    /**
     * Reads {@code rc.connections.v1} to its end (within {@code timeout}) and keeps following it.
     *
     * @param kafka   the Kafka client configurations (bootstrap servers, security, production defaults)
     * @param timeout bound of the initial read and of each write's acknowledgement
     */
    public static ConnectionStore start(KafkaClients kafka, Duration timeout) {
        return new ConnectionStore(kafka, timeout);
    }

    /** As {@link #start(KafkaClients, Duration)}, from plain client properties holding {@code bootstrap.servers}. */
    public static ConnectionStore start(Map<String, Object> kafkaProperties, Duration timeout) {
        return start(KafkaClients.of(kafkaProperties,
                String.valueOf(kafkaProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))), timeout);
    }

    @Override
    public Optional<Connection> get(String connectionId) {
        return view.get(connectionId);
    }

    /** Every connection, ordered by name. */
    @Override
    public List<Connection> all() {
        return view.all();
    }

    @Override
    public Optional<Connection> byName(String name) {
        return view.byName(name);
    }

    /** The connectionIds whose newest record cannot be read, with the reason: report them, don't sweep them. */
    public Map<String, String> unreadable() {
        return view.unreadable();
    }

    @Override
    public boolean unreadable(String connectionId) {
        return view.unreadable().containsKey(connectionId);
    }

    public void addListener(Listener listener) {
        view.addListener(listener);
    }

    /**
     * Writes the connection and returns once Kafka acknowledged it (retried on retriable failures).
     *
     * @throws ConnectionStoreException when it was not acknowledged within the bound; it may or may not be stored
     */
    @Override
    public void put(Connection connection) {
        String id = connection.connectionId();
        write(id, Topics.CONNECTIONS.valueSerde().serializer().serialize(TOPIC, connection), connection,
                connection.updatedAt().toEpochMilli());
    }

    /** Writes a tombstone: the connection is removed everywhere. Same guarantees as {@link #put}. */
    @Override
    public void remove(String connectionId) {
        write(connectionId, null, null, System.currentTimeMillis());
    }

    private void write(String id, byte[] value, Connection connection, long timestamp) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, null, timestamp,
                id.getBytes(StandardCharsets.UTF_8), value);
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            Throwable failure;
            try {
                RecordMetadata ack = producer.send(record).get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                view.apply(id, connection, ack.partition(), ack.offset());
                return;
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (KafkaException e) {
                failure = e;
            } catch (TimeoutException e) {
                throw new ConnectionStoreException("No acknowledgement from Kafka for connection " + id + " in "
                        + TOPIC + " within " + writeTimeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionStoreException("Interrupted while writing connection " + id + " to " + TOPIC, e);
            }
            if (!(failure instanceof RetriableException) || attempt >= MAX_WRITE_ATTEMPTS
                    || System.nanoTime() - deadline >= 0) {
                throw new ConnectionStoreException("Kafka did not acknowledge connection " + id + " in " + TOPIC
                        + " (attempt " + attempt + "): " + failure.getMessage(), failure);
            }
            log.warn("Writing connection {} to {} failed (attempt {} of {}), retrying: {}", id, TOPIC, attempt,
                    MAX_WRITE_ATTEMPTS, failure.getMessage());
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            log.warn("Ignoring a record without key at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        try {
            Connection connection = Topics.CONNECTIONS.valueSerde().deserializer().deserialize(TOPIC, record.value());
            view.apply(id, connection, record.partition(), record.offset());
        } catch (SerializationException e) {
            log.warn("Connection {} at {}-{}@{} cannot be read: {}", id, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            view.unreadable(id, e.getMessage(), record.partition(), record.offset());
        }
    }

    /** Writes are waited for one by one: no linger. */
    private static Map<String, Object> writerProperties(KafkaClients kafka) {
        Map<String, Object> props = kafka.producer("rc-identity-connections-writer", DELIVERY_TIMEOUT);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return props;
    }

    /** Stops following and closes the Kafka clients; returns promptly. */
    @Override
    public void close() {
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
