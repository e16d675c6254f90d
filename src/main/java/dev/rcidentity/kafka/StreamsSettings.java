package dev.rcidentity.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

import java.util.Properties;

/**
 * The production configuration of the streams application, in one place: exactly-once, explicit names for every
 * internal resource, poison records to the dead-letter topic, one standby replica for lookups during rebalances.
 * Explicit settings (KAFKA_* variables) win over these defaults.
 */
public final class StreamsSettings {
    public static final String DEFAULT_APPLICATION_ID = "rc-identity";

    private StreamsSettings() {
    }

    public static Properties streamsConfig(Settings settings, String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(settings.kafkaClientProperties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(Settings.APPLICATION_ID, DEFAULT_APPLICATION_ID));
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        props.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        props.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.get(Settings.NUM_STANDBY_REPLICAS, "1"));
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer(settings));
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        return props;
    }

    /** host:port other instances use to reach this one's HTTP API. */
    public static String applicationServer(Settings settings) {
        return settings.get(Settings.APPLICATION_SERVER).orElseGet(() ->
                settings.get(Settings.HTTP_HOST, "127.0.0.1") + ":" + settings.get(Settings.HTTP_PORT, "8080"));
    }
}
