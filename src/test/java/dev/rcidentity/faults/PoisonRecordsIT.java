package dev.rcidentity.faults;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Resolution;
import dev.rcidentity.topology.IdentityTopology;
import dev.rcidentity.topology.TopologyOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison on every input topic, on a real broker under exactly-once: not JSON, wrong types, a 900 KB value, deep
 * nesting, a key that is not an id, a key that differs from the id its value names. Each reaches rc.dead-letters.v1
 * once, as received, with headers naming where it came from and why; the good records written after them resolve.
 */
class PoisonRecordsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ACCOUNT = "710001";
    private static final String OWNER = "710101";
    private static final Instant T0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    /** Within the topics' default max.message.bytes (1 MiB) with room for the dead-letter headers. */
    private static final int LARGE_VALUE_BYTES = 900 * 1024;

    @TempDir
    Path dir;

    private record Poison(String topic, String key, byte[] value, String what) {
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyPoisonRecordIsDeadLetteredWithItsProvenanceAndTheGoodOnesAfterThemResolve() throws Exception {
        List<Poison> poisons = new ArrayList<>();
        poisons.addAll(poisons(Topics.ACCOUNTS.name(), "accountId", ACCOUNT, accountJson(ACCOUNT)));
        poisons.addAll(poisons(Topics.EXTENSIONS.name(), "extensionId", OWNER, extensionJson(OWNER)));
        poisons.addAll(poisons(Topics.LOGINS.name(), "ownerId", OWNER, loginJson(OWNER)));

        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 2)) {
            Map<String, Poison> sent = send(kafka, poisons);
            send(kafka, List.of(
                    new Poison(Topics.ACCOUNTS.name(), ACCOUNT, bytes(accountJson(ACCOUNT)), "good account"),
                    new Poison(Topics.EXTENSIONS.name(), OWNER, bytes(extensionJson(OWNER)), "good extension"),
                    new Poison(Topics.LOGINS.name(), OWNER, bytes(loginJson(OWNER)), "good login")));

            Properties config = KafkaClients.of(Map.of("commit.interval.ms", "100"), kafka.bootstrapServers())
                    .streams(new StreamsOptions("poison-it", dir.resolve("state"), "127.0.0.1:8080", 0));
            KafkaStreams streams = new KafkaStreams(IdentityTopology.buildTopology(
                    TopologyOptions.defaults().withPartitions(2), config), config);
            try {
                streams.start();
                List<ConsumerRecord<String, Identity>> identities = kafka.readUntil(Topics.IDENTITIES,
                        records -> records.stream().anyMatch(PoisonRecordsIT::resolvedWithAccount), WAIT);
                assertTrue(identities.stream().anyMatch(PoisonRecordsIT::resolvedWithAccount),
                        "the good records after the poison resolve: " + identities);

                List<ConsumerRecord<byte[], byte[]>> dead = kafka.readRawUntil(Topics.DEAD_LETTERS.name(), poisons.size(), WAIT);
                assertEquals(poisons.size(), dead.size(), "each poison record dead-lettered once");
                for (ConsumerRecord<byte[], byte[]> letter : dead) {
                    String where = header(letter, "__streams.errors.topic") + "/" + header(letter, "__streams.errors.partition")
                            + "/" + header(letter, "__streams.errors.offset");
                    Poison poison = sent.remove(where);
                    assertNotNull(poison, "a dead letter for a record we sent as poison: " + where);
                    assertArrayEquals(poison.value(), letter.value(), poison.what() + ": the value as received");
                    assertEquals(poison.key(), new String(letter.key(), StandardCharsets.UTF_8), poison.what());
                    assertFalse(header(letter, "__streams.errors.exception").isBlank(), poison.what());
                    assertFalse(header(letter, "__streams.errors.message").isBlank(), poison.what());
                }
                assertEquals(Map.of(), sent, "every poison record has its dead letter");
            } finally {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /** The six kinds of poison for a topic, built around a valid record whose {@code idField} is {@code id}. */
    private static List<Poison> poisons(String topic, String idField, String id, String valid) {
        String other = String.valueOf(Long.parseLong(id) + 1);
        String large = valid.replace("{", "{\"padding\":\"" + "x".repeat(LARGE_VALUE_BYTES) + "\",\"" + idField
                + "\":{\"not\":\"an id\"},");
        return List.of(
                new Poison(topic, id, bytes("{\"" + idField + "\": \"" + id + "\", "), topic + ": not JSON"),
                new Poison(topic, id, bytes(valid.replace("\"" + id + "\"", "[\"" + id + "\"]")), topic + ": wrong types"),
                new Poison(topic, id, bytes(large), topic + ": 900 KB value"),
                new Poison(topic, id, bytes("{\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"), topic + ": deep nesting"),
                new Poison(topic, "not-an-id", bytes(valid), topic + ": a key that is not an id"),
                new Poison(topic, other, bytes(valid), topic + ": a key that differs from its id"));
    }

    /** Sends each record with the Java partitioner; returns them by topic/partition/offset. */
    private static Map<String, Poison> send(KafkaTestCluster kafka, List<Poison> records) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(1024 * 1024));
        Map<String, Poison> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Poison record : records) {
                RecordMetadata at = producer.send(new ProducerRecord<>(record.topic(), null, T0.toEpochMilli(), record.key(),
                        record.value())).get(30, TimeUnit.SECONDS);
                sent.put(at.topic() + "/" + at.partition() + "/" + at.offset(), record);
            }
        }
        return sent;
    }

    private static boolean resolvedWithAccount(ConsumerRecord<String, Identity> record) {
        Identity identity = record.value();
        return OWNER.equals(record.key()) && identity.resolution() == Resolution.RESOLVED && identity.account() != null
                && identity.loginCount() == 1;
    }

    private static String accountJson(String id) {
        return "{\"accountId\":\"" + id + "\",\"companyName\":\"Umbrella\",\"mainNumber\":\"+16505550123\","
                + "\"status\":\"Confirmed\",\"brand\":\"RingCentral\",\"observedAt\":\"" + T0 + "\"}";
    }

    private static String extensionJson(String id) {
        return "{\"accountId\":\"" + ACCOUNT + "\",\"extensionId\":\"" + id + "\",\"extensionNumber\":\"101\","
                + "\"name\":\"Ada\",\"type\":\"User\",\"status\":\"Enabled\",\"observedAt\":\"" + T0 + "\"}";
    }

    private static String loginJson(String id) {
        return "{\"ownerId\":\"" + id + "\",\"accountId\":\"" + ACCOUNT + "\",\"loggedInAt\":\"" + T0.plusSeconds(60)
                + "\",\"source\":\"ingest\"}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
