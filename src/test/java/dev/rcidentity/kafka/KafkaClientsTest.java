package dev.rcidentity.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClientsTest {
    private final KafkaClients clients = KafkaClients.of(Map.of(
            "bootstrap.servers", "theirs:9092", "security.protocol", "SSL", "linger.ms", "20",
            "acks", "1", "enable.idempotence", "false", "group.id", "g", "isolation.level", "read_uncommitted",
            "num.standby.replicas", "2"), "b:9092");

    @Test
    void theUsersSettingsWinOverDefaultsButNotOverTheDeliveryGuarantees() {
        Map<String, Object> producer = clients.producer("login-ingest", Duration.ofSeconds(30));
        assertEquals("b:9092", producer.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("SSL", producer.get("security.protocol"));
        assertEquals("20", producer.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("all", producer.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("30000", producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals("10000", producer.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertEquals("10000", producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals("30000", clients.producer("poller", Duration.ofMinutes(3)).get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG),
                "requests wait at most 30 s");

        Map<String, Object> consumer = clients.readCommittedConsumer("reader");
        assertEquals("read_committed", consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        assertEquals("false", consumer.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertFalse(consumer.containsKey(ConsumerConfig.GROUP_ID_CONFIG));

        assertEquals("b:9092", clients.admin().get("bootstrap.servers"));
        assertEquals("60000", clients.admin().get("default.api.timeout.ms"));
    }

    @Test
    void clientIdsNameTheRoleAndDifferWithinTheJvm() {
        Object first = clients.producer("poller", Duration.ofMinutes(1)).get(ProducerConfig.CLIENT_ID_CONFIG);
        Object second = clients.producer("poller", Duration.ofMinutes(1)).get(ProducerConfig.CLIENT_ID_CONFIG);
        assertNotEquals(first, second);
        assertTrue(first.toString().startsWith("poller-"), first.toString());
    }

    @Test
    void streamsRunExactlyOnceWithTheirOptionsAndTheUsersOverrides() {
        Properties streams = clients.streams(new StreamsOptions("app", Path.of("/s"), "h:1", 1));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("app", streams.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("h:1", streams.get(StreamsConfig.APPLICATION_SERVER_CONFIG));
        assertEquals(Path.of("/s").toAbsolutePath().toString(), streams.get(StreamsConfig.STATE_DIR_CONFIG));
        assertEquals(Topics.DEAD_LETTERS.name(), streams.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
        assertEquals("2", streams.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG), "KAFKA_NUM_STANDBY_REPLICAS wins");
        assertEquals("b:9092", streams.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    }
}
