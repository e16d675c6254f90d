package dev.rcidentity.connections;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import dev.rcidentity.testing.Await;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kafka-backed connection store on a real embedded broker, with credentials encrypted by the real cipher. */
class ConnectionStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    @TempDir
    static Path dir;
    private static KafkaTestCluster kafka;

    private final CredentialCipher cipher = new CredentialCipher(
            CredentialKeys.of(CredentialCipherTest.newKey(), List.of()));
    private final List<ConnectionStore> stores = new ArrayList<>();

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(dir, 2);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(ConnectionStore::close);
    }

    private ConnectionStore store() {
        ConnectionStore store = ConnectionStore.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), TIMEOUT);
        stores.add(store);
        return store;
    }

    private Connection connection(String name, Secrets secrets) {
        String id = Connection.newId(RANDOM);
        Instant now = Instant.now();
        return new Connection(id, name, "https://platform.ringcentral.com", "client-" + name,
                Connection.GRANT_REFRESH_TOKEN, null, null, Connection.ACTIVE, null, now, now, cipher.encrypt(id, secrets));
    }

    private static Secrets secrets(String tag) {
        return new Secrets("client-secret-" + tag, null, "refresh-token-" + tag, "webhook-token-" + tag);
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, TIMEOUT, what);
    }

    @Test
    void putGetRemoveAndASecondInstanceSeesEveryWrite() {
        ConnectionStore first = store();
        Connection acme = connection("acme-" + RANDOM.nextInt(1000), secrets("acme"));
        first.put(acme);
        assertEquals(Optional.of(acme), first.get(acme.connectionId()), "a write is visible at once where it was made");
        assertEquals(Optional.of(acme), first.byName(acme.name()));

        ConnectionStore second = store();
        assertEquals(Optional.of(acme), second.get(acme.connectionId()), "read to the end at start");
        List<String> changes = new CopyOnWriteArrayList<>();
        second.addListener((id, now) -> changes.add(id + (now == null ? " removed" : " " + now.status())));

        Connection globex = connection("globex-" + RANDOM.nextInt(1000), secrets("globex"));
        first.put(globex);
        await(() -> second.get(globex.connectionId()).isPresent(), "the second instance to see a new connection");
        Connection rotated = acme.withCredential(cipher.encrypt(acme.connectionId(), secrets("acme-rotated")), Instant.now());
        first.put(rotated);
        await(() -> second.get(acme.connectionId()).equals(Optional.of(rotated)), "the rotated credential");
        assertEquals("refresh-token-acme-rotated",
                cipher.decrypt(acme.connectionId(), second.get(acme.connectionId()).orElseThrow().credential()).refreshToken());

        first.remove(acme.connectionId());
        assertTrue(first.get(acme.connectionId()).isEmpty());
        await(() -> second.get(acme.connectionId()).isEmpty(), "the tombstone to remove the connection");
        assertTrue(changes.contains(acme.connectionId() + " removed"), changes.toString());
        assertTrue(changes.contains(globex.connectionId() + " ACTIVE"), changes.toString());

        ConnectionStore restarted = store();
        assertTrue(restarted.get(acme.connectionId()).isEmpty());
        assertEquals(Optional.of(globex), restarted.get(globex.connectionId()));
        assertTrue(restarted.all().contains(globex));
    }

    @Test
    void anUnreadableRecordIsReportedByIdAndTheOthersStay() throws Exception {
        ConnectionStore store = store();
        Connection good = connection("good-" + RANDOM.nextInt(1000), secrets("good"));
        store.put(good);
        String badId = Connection.newId(RANDOM);
        kafka.sendRaw(Topics.CONNECTIONS.name(), badId, "{\"connectionId\": \"".concat(badId).concat("\", \"name\": ")
                .getBytes(StandardCharsets.UTF_8));
        await(() -> store.unreadable().containsKey(badId), "the malformed record to be reported");
        assertTrue(store.unreadable().get(badId).startsWith("Malformed JSON for Connection"), store.unreadable().get(badId));
        assertTrue(store.get(badId).isEmpty());
        assertEquals(Optional.of(good), store.get(good.connectionId()));
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().filter(r -> r.value() != null).map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void theTopicHoldsNoSecretInClear() {
        ConnectionStore store = store();
        List<String> secrets = List.of("client-secret-scan", "refresh-token-scan", "webhook-token-scan");
        Connection scanned = connection("scan-" + RANDOM.nextInt(1000), secrets("scan"));
        store.put(scanned);
        store.put(scanned.withCredential(cipher.encrypt(scanned.connectionId(), secrets("scan")), Instant.now()));
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.readUntil(
                new Topic<>(Topics.CONNECTIONS.name(), Serdes.ByteArray(), Serdes.ByteArray()),
                read -> values(read).stream().filter(v -> v.contains(scanned.name())).count() >= 2, TIMEOUT);
        List<String> values = values(raw);
        assertTrue(values.stream().filter(v -> v.contains(scanned.name())).count() >= 2, "the scan sees both writes");
        for (String value : values) {
            for (String secret : secrets) {
                assertFalse(value.contains(secret), "plaintext secret in rc.connections.v1: " + value);
            }
        }
    }
}
