package dev.rcidentity.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place Kafka client configurations are made: each starts from the user's {@code KAFKA_*} properties and adds
 * the production defaults, which those properties override. The guarantees nothing may weaken (an idempotent
 * producer with acks=all; read_committed readers outside any group) are set last.
 */
public final class KafkaClients {
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Client ids must be unique in a JVM (they name the clients' metrics): each gets a number after its role. */
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Map<String, Object> userProperties;

    private KafkaClients(Map<String, Object> userProperties) {
        this.userProperties = Map.copyOf(userProperties);
    }

    /** {@code userProperties}: Kafka client settings as the user gave them; {@code bootstrapServers} wins over theirs. */
    public static KafkaClients of(Map<String, Object> userProperties, String bootstrapServers) {
        Map<String, Object> props = new HashMap<>(userProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaClients(props);
    }

    public String bootstrapServers() {
        return (String) userProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    /**
     * An idempotent producer with acks=all whose sends fail within {@code deliveryTimeout} (requests and a full
     * buffer wait at most a third of it, up to 30 s); linger 5 ms.
     */
    public Map<String, Object> producer(String role, Duration deliveryTimeout) {
        long requestMs = Math.min(MAX_REQUEST_TIMEOUT.toMillis(), deliveryTimeout.toMillis() / 3);
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(role));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeout.toMillis()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestMs));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(requestMs));
        props.putAll(userProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /** A consumer outside any group (assign, not subscribe) that reads committed records only. */
    public Map<String, Object> readCommittedConsumer(String role) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(role));
        props.putAll(userProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    /**
     * A member of consumer group {@code groupId} (classic protocol, cooperative-sticky assignment, Kafka's 45 s
     * session unless the user's properties say otherwise) that commits no offset and reads committed records only.
     */
    public Map<String, Object> groupMember(String role, String groupId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(role));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(userProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    public Map<String, Object> admin() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        props.putAll(userProperties);
        return props;
    }

    /**
     * The production configuration of the streams application: exactly-once, explicit names for every internal
     * resource, poison records to the dead-letter topic, standby replicas for lookups during rebalances, bounded
     * RocksDB memory, no idling for timestamp order across input partitions.
     */
    public Properties streams(StreamsOptions options) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, String.valueOf(options.standbyReplicas()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, options.applicationServer());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        // An identity is the same in any arrival order, so a task need not wait to fetch its other (often empty)
        // input partitions before processing what it has: the wait showed as latency at half load.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
        props.putAll(userProperties);
        return props;
    }

    private static String clientId(String role) {
        return role + "-" + CLIENTS.incrementAndGet();
    }
}
