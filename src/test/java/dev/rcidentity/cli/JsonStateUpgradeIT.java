package dev.rcidentity.cli;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.StateStore;
import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.NumberEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upgrade to the compact internal encoding: state whose changelogs (and a repartition topic) hold JSON, as versions
 * before it wrote them, is restored into a fresh state directory by this version and gives the same answers, and
 * processing goes on from it.
 */
class JsonStateUpgradeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String APP = "upgrade-it";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    /** Logins are recent: rc.logins.v1 keeps 30 days, and the broker may delete older ones before they are read. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ACCOUNT = "810001";
    private static final String ALICE = "810101";
    private static final String BOB = "810102";
    private static final String CAROL = "810103";
    private static final List<StateStore<String, ?>> COMPACT_STORES = List.of(StateStores.EXTENSIONS,
            StateStores.IDENTITIES, StateStores.ACCOUNTS, StateStores.EXTENSION_HISTORY, StateStores.EXTENSION_NUMBERS,
            StateStores.ACCOUNT_EXTENSIONS);

    @TempDir
    Path dir;

    @Test
    void stateWrittenAsJsonIsRestoredToTheSameAnswers() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 3)) {
            kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT, new AccountSnapshot(ACCOUNT, "Acme", "+16505550100",
                    "Confirmed", "RingCentral", T0))), T0);
            kafka.send(Topics.EXTENSIONS, List.of(
                    Map.entry(ALICE, extension(ALICE, "420", "Alice", T0.plusSeconds(10))),
                    Map.entry(BOB, extension(BOB, "421", "Bob", T0.plusSeconds(10))),
                    Map.entry(ALICE, extension(ALICE, "430", "Alice Smith", T0.plusSeconds(20)))), T0.plusSeconds(20));
            kafka.send(Topics.LOGINS, List.of(
                    Map.entry(ALICE, login(ALICE, NOW)),
                    Map.entry(CAROL, login(CAROL, NOW.plusSeconds(1)))), NOW.plusSeconds(1));

            Map<String, String> before;
            try (TestInstance first = TestInstance.start(kafka.bootstrapServers(), dir, APP, Map.of())) {
                for (String owner : List.of(ALICE, CAROL)) {
                    first.getUntil("/v1/identities/" + owner, r -> r.body().contains("\"companyName\":\"Acme\""), WAIT);
                }
                first.getUntil("/v1/accounts/" + ACCOUNT, r -> r.status() == 200, WAIT);
                first.getUntil("/v1/accounts/" + ACCOUNT + "/extension-numbers/430", r -> r.status() == 200, WAIT);
                before = answers(first);
            }
            assertTrue(before.values().stream().filter(a -> a.startsWith("200 ")).count() == before.size() - 1,
                    "every answer but Bob's identity (he never logged in) is there: " + before);

            int rewritten = rewriteChangelogsAsJson(kafka);
            assertTrue(rewritten >= 10, rewritten + " changelog records rewritten as JSON");
            // A number claim waiting in the repartition topic as JSON: read and applied after the upgrade.
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(APP + "-" + Topics.EXTENSION_NUMBERS + "-repartition",
                        StateStores.numberKey(ACCOUNT, "499"), Json.serializer().serialize("t",
                                new NumberEvent(BOB, true, T0.plusSeconds(40))))).get(30, TimeUnit.SECONDS);
            }

            // A new port is a new, empty state directory: everything comes back from the changelogs.
            try (TestInstance second = TestInstance.start(kafka.bootstrapServers(), dir, APP, Map.of())) {
                assertEquals(before, answersOnceRestored(second, before), "the same answers from state restored out of JSON");
                TestInstance.Response claimed = second.getUntil("/v1/accounts/" + ACCOUNT
                        + "/extension-numbers/499?at=" + T0.plusSeconds(41), r -> r.status() == 200, WAIT);
                assertTrue(claimed.body().contains(BOB), claimed.body());

                // Read-modify-write on top of the JSON state: the second login of Alice counts as her second.
                kafka.send(Topics.LOGINS, List.of(Map.entry(ALICE, login(ALICE, NOW.plusSeconds(60)))), NOW.plusSeconds(60));
                TestInstance.Response alice = second.getUntil("/v1/identities/" + ALICE,
                        r -> r.body().contains("\"loginCount\":2"), WAIT);
                assertTrue(alice.body().contains("\"loginCount\":2") && alice.body().contains("\"name\":\"Alice Smith\""),
                        alice.body());
            }
        }
    }

    /** The answers once no store is still restoring (503), or the last ones at the deadline. */
    private static Map<String, String> answersOnceRestored(TestInstance instance, Map<String, String> expected)
            throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        Map<String, String> answers = answers(instance);
        while (!answers.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100); // the poll interval of a wait on a condition, not a synchronization
            answers = answers(instance);
        }
        return answers;
    }

    /** Status and body of the answers every store takes part in. */
    private static Map<String, String> answers(TestInstance instance) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/v1/identities/" + ALICE, "/v1/identities/" + BOB, "/v1/identities/" + CAROL,
                "/v1/owners/" + ALICE, "/v1/extensions/" + ALICE, "/v1/extensions/" + ALICE + "/history",
                "/v1/accounts/" + ACCOUNT, "/v1/accounts/" + ACCOUNT + "/extensions",
                "/v1/accounts/" + ACCOUNT + "/extension-numbers/420?at=" + T0.plusSeconds(15),
                "/v1/accounts/" + ACCOUNT + "/extension-numbers/430?at=" + T0.plusSeconds(25))) {
            TestInstance.Response response = instance.get(path);
            answers.put(path, response.status() + " " + response.body());
        }
        return answers;
    }

    /**
     * Appends to every compact store's changelog a JSON copy of each record (same key, partition, timestamp), as the
     * earlier version would have written it; the copies are the last word on every key at restore.
     */
    private static int rewriteChangelogsAsJson(KafkaTestCluster kafka) throws Exception {
        int rewritten = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "enable.idempotence", "true", "acks", "all"), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (StateStore<String, ?> store : COMPACT_STORES) {
                String changelog = APP + "-" + store.name() + "-changelog";
                Map<String, ConsumerRecord<byte[], byte[]>> latest = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : readCommitted(kafka, changelog)) {
                    latest.put(r.partition() + "/" + new String(r.key()), r);
                }
                assertTrue(!latest.isEmpty(), changelog + " has records");
                for (ConsumerRecord<byte[], byte[]> r : latest.values()) {
                    if (r.value() == null) {
                        continue;
                    }
                    assertEquals(1, r.value()[0], "this version writes the compact encoding to " + changelog);
                    Object value = store.valueSerde().deserializer().deserialize(changelog, r.value());
                    byte[] json = Json.serializer().serialize(changelog, value);
                    producer.send(new ProducerRecord<>(changelog, r.partition(), r.timestamp(), r.key(), json,
                            r.headers())).get(30, TimeUnit.SECONDS);
                    rewritten++;
                }
            }
        }
        return rewritten;
    }

    /** Every committed record of a topic, read to its end. */
    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(KafkaTestCluster kafka, String topic) {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "isolation.level", "read_committed", "enable.auto.commit", "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            Instant deadline = Instant.now().plus(WAIT);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertTrue(Instant.now().isBefore(deadline), "read " + topic + " to its end in time");
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    private static ExtensionSnapshot extension(String id, String number, String name, Instant at) {
        return new ExtensionSnapshot(ACCOUNT, id, number, name, "User", null, "Enabled", false, false, null, null,
                null, false, at);
    }

    private static LoginEvent login(String owner, Instant at) {
        return new LoginEvent(owner, ACCOUNT, at, LoginEvent.SOURCE_POLLER, null, null, null, null);
    }
}
