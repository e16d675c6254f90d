package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionImport;
import dev.rcidentity.connections.ConnectionStatuses;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.ImportFingerprint;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ConnectionStatus;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorCredentials;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Connections as data, end to end: the poller runs the connections of rc.connections.v1 against the simulator (whose
 * refresh tokens are single-use, as RingCentral's) on an embedded broker. One poller instance at a time, as the
 * commands run it today.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionsPollerIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APP = "connections-it";
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;
    static KafkaTestCluster cluster;
    static KafkaClients kafka;
    static RingCentralSimulator sim;
    static byte[] key;
    static CredentialCipher cipher;
    static ConnectionStore admin;
    static ConnectionStatuses statuses;

    /** A poller instance in this JVM, wired as the commands wire it. */
    record Instance(String name, ConnectionStore store, Poller poller, ConnectionRunner runner) implements AutoCloseable {
        static Instance start(String name) {
            ConnectionStore store = ConnectionStore.start(kafka, WAIT);
            Poller poller = Poller.create(TestConnections.FAST.withPollInterval(INTERVAL), kafka, Clock.systemUTC());
            return new Instance(name, store, poller,
                    ConnectionRunner.start(poller, store, cipher, kafka, APP, name, Clock.systemUTC()));
        }

        @Override
        public void close() {
            runner.close();
            poller.close();
            store.close();
        }
    }

    @BeforeAll
    static void start() {
        cluster = KafkaTestCluster.start(dir, 2);
        kafka = KafkaClients.of(Map.of(), cluster.bootstrapServers());
        SimulatorOptions.Builder options = SimulatorOptions.builder().accounts(4).extensionsPerAccount(10).seed(41);
        for (RateLimitGroup group : RateLimitGroup.values()) {
            options.limit(group, 1000);
        }
        sim = RingCentralSimulator.start(options.build());
        key = CredentialKeys.generate();
        cipher = new CredentialCipher(CredentialKeys.of(key, List.of()));
        admin = ConnectionStore.start(kafka, WAIT);
        statuses = ConnectionStatuses.start(kafka, APP, WAIT);
    }

    @AfterAll
    static void stop() {
        statuses.close();
        admin.close();
        sim.close();
        cluster.close();
    }

    private static String account(int index) {
        return sim.accounts().get(index).accountId();
    }

    /** A refresh-token connection of the account's admin, written as the HTTP API's onboarding writes one. */
    private static Connection refreshConnection(String name, String accountId) {
        SimulatorCredentials app = sim.appCredentials();
        return put(name, Connection.GRANT_REFRESH_TOKEN,
                Secrets.forRefreshToken(app.clientSecret(), TestConnections.refreshToken(sim, accountId)), cipher);
    }

    private static Connection put(String name, String grant, Secrets secrets, CredentialCipher with) {
        String id = Connection.newId(RANDOM);
        Instant now = Instant.now();
        Connection connection = new Connection(id, name, sim.baseUrl().toString(), sim.appCredentials().clientId(),
                grant, null, null, Connection.ACTIVE, null, now, now, with.encrypt(id, secrets));
        admin.put(connection);
        return connection;
    }

    private static Secrets secretsOf(String id) {
        return cipher.decrypt(id, admin.get(id).orElseThrow().credential());
    }

    static void await(BooleanSupplier condition, String what) {
        Await.until(condition, WAIT, what);
    }

    /** Waits for a completed sweep of the connection after {@code after}, reported by {@code heldBy}. */
    static ConnectionStatus awaitSweep(String id, String heldBy, Instant after) {
        Predicate<ConnectionStatus> swept = s -> heldBy.equals(s.heldBy()) && s.lastSweep() != null
                && "COMPLETED".equals(s.lastSweep().outcome()) && s.lastSweep().at().isAfter(after);
        await(() -> statuses.get(id).filter(swept).isPresent(), "a completed sweep of " + id + " by " + heldBy);
        return statuses.get(id).orElseThrow();
    }

    private static List<RecordedRequest> refusedTokenRequests() {
        return sim.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/restapi/oauth/token") && r.status() == 400).toList();
    }

    @Test
    @Order(1)
    void aRefreshTokenConnectionKeepsSweepingAcrossACleanRestartAndAKillOfItsProcess() throws Exception {
        sim.clearRequests();
        Connection connection = refreshConnection("durable", account(0));
        String id = connection.connectionId();
        String initial = secretsOf(id).refreshToken();

        Instant before = Instant.now();
        try (Instance one = Instance.start("one")) {
            ConnectionStatus status = awaitSweep(id, "one", before);
            assertEquals(sim.extensions(account(0)).size(), status.lastSweep().extensions());
            assertNotNull(status.nextSweepAt());
            assertNotEquals(initial, secretsOf(id).refreshToken(), "the rotated token is in the record");
            await(() -> account(0).equals(admin.get(id).orElseThrow().ownerId())
                    && account(0).equals(admin.get(id).orElseThrow().accountId()), "owner and account on the record");
        }
        await(() -> statuses.get(id).map(s -> s.heldBy() == null && s.nextSweepAt() == null).orElse(false),
                "the released status after a clean stop");

        Instant restarted = Instant.now();
        try (Instance two = Instance.start("two")) {
            awaitSweep(id, "two", restarted);
        }

        Instant childStart = Instant.now();
        try (PollerProcess child = PollerProcess.start(dir, Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
                "CREDENTIALS_KEY", Base64.getEncoder().encodeToString(key), "APPLICATION_ID", APP,
                "APPLICATION_SERVER", "child:1", "HTTP_PORT", "0", "POLL_INTERVAL", "PT1S"))) {
            awaitSweep(id, "child:1", childStart);
            String beforeKill = secretsOf(id).refreshToken();
            child.kill();
            assertEquals(beforeKill, secretsOf(id).refreshToken());
        }

        Instant afterKill = Instant.now();
        try (Instance three = Instance.start("three")) {
            awaitSweep(id, "three", afterKill);
        }
        assertEquals(List.of(), refusedTokenRequests(), "no spent refresh token was presented");
    }

    @Test
    @Order(2)
    void removingAConnectionStopsItsSweepsAndRevokesItsToken() {
        Connection connection = refreshConnection("removed", account(1));
        String id = connection.connectionId();
        try (Instance instance = Instance.start("remover")) {
            awaitSweep(id, "remover", Instant.now().minusSeconds(1));
            String current = secretsOf(id).refreshToken();

            admin.remove(id);
            await(() -> !instance.runner().held().contains(id) && !instance.poller().connectionNames().contains("removed"),
                    "the connection to be released");
            await(() -> sim.requests().stream().anyMatch(r -> r.pathAndQuery().startsWith("/restapi/oauth/revoke")
                    && r.status() == 200), "the revocation at RingCentral");
            await(() -> statuses.get(id).isEmpty(), "the status tombstone");
            assertEquals(400, TestConnections.tokenResponse(sim, Map.of("grant_type", "refresh_token",
                    "refresh_token", current)).path("status").asInt(), "the revoked token no longer works");

            int revokedAt = indexOfRevoke();
            Instant later = Instant.now();
            awaitSweep(firstOther(id), "remover", later);
            assertTrue(sim.requests().subList(revokedAt, sim.requests().size()).stream()
                    .noneMatch(r -> account(1).equals(r.ownerId()) && r.pathAndQuery().startsWith("/restapi/v1.0")),
                    "no sweep of the removed connection after its revocation");
        }
    }

    private static int indexOfRevoke() {
        List<RecordedRequest> requests = sim.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).pathAndQuery().startsWith("/restapi/oauth/revoke")) {
                return i;
            }
        }
        return fail("no revoke");
    }

    private static String firstOther(String id) {
        return admin.all().stream().map(Connection::connectionId).filter(c -> !c.equals(id)).findFirst().orElseThrow();
    }

    @Test
    @Order(3)
    void theImportCreatesOnceAndReplacesOnlyACredentialThatChangedInTheFile() {
        sim.clearRequests();
        SimulatorCredentials app = sim.appCredentials();
        ConnectionImport.Entry entry = new ConnectionImport.Entry("imported", sim.baseUrl().toString(), app.clientId(),
                Secrets.forRefreshToken(app.clientSecret(), TestConnections.refreshToken(sim, account(2))));
        ConnectionImport importer = new ConnectionImport(admin, cipher, Clock.systemUTC());
        assertEquals(Map.of("imported", ConnectionImport.Result.CREATED), importer.importAll(List.of(entry)));
        String id = admin.byName("imported").orElseThrow().connectionId();

        try (Instance instance = Instance.start("importer")) {
            awaitSweep(id, "importer", Instant.now().minusSeconds(1));
        }
        String rotated = secretsOf(id).refreshToken();
        assertNotEquals(entry.secrets().refreshToken(), rotated);
        assertEquals(Map.of("imported", ConnectionImport.Result.UNCHANGED), importer.importAll(List.of(entry)),
                "the same file again");
        assertEquals(rotated, secretsOf(id).refreshToken(), "the rotated token is not overwritten");

        ConnectionImport.Entry changed = new ConnectionImport.Entry("imported", sim.baseUrl().toString(),
                app.clientId(), Secrets.forRefreshToken(app.clientSecret(), TestConnections.refreshToken(sim, account(2))));
        try (Instance instance = Instance.start("importer")) {
            Instant edited = Instant.now();
            assertEquals(Map.of("imported", ConnectionImport.Result.UPDATED), importer.importAll(List.of(changed)));
            String fingerprint = ImportFingerprint.of(changed.serverUrl(), changed.clientId(), changed.secrets());
            awaitSweep(id, "importer", edited);
            await(() -> fingerprint.equals(secretsOf(id).importFingerprint())
                    && !changed.secrets().refreshToken().equals(secretsOf(id).refreshToken()),
                    "the running connection to restart from the changed credential and rotate it");
        }
        assertEquals(List.of(), refusedTokenRequests(), "no spent refresh token was presented");
    }

    @Test
    @Order(4)
    void aRecordNoKeyOpensIsRejectedNamingTheKeyIdAndTheOthersSweep() {
        SimulatorCredentials app = sim.appCredentials();
        Connection jwt = put("jwt", Connection.GRANT_JWT, Secrets.forJwt(app.clientSecret(), sim.adminJwt(account(3))),
                cipher);
        byte[] otherKey = new byte[CredentialKeys.KEY_BYTES];
        RANDOM.nextBytes(otherKey);
        Connection foreign = put("foreign-key", Connection.GRANT_JWT, Secrets.forJwt(app.clientSecret(), "eyJ.foreign"),
                new CredentialCipher(CredentialKeys.of(otherKey, List.of())));
        String copiedId = Connection.newId(RANDOM);
        Connection copied = new Connection(copiedId, "copied", jwt.serverUrl(), jwt.clientId(), jwt.grantType(), null,
                null, Connection.ACTIVE, null, jwt.createdAt(), jwt.updatedAt(), jwt.credential());
        admin.put(copied);

        try (Instance instance = Instance.start("checker")) {
            awaitSweep(jwt.connectionId(), "checker", Instant.now().minusSeconds(1));
            await(() -> admin.get(foreign.connectionId()).map(c -> Connection.REJECTED.equals(c.status())).orElse(false)
                    && admin.get(copiedId).map(c -> Connection.REJECTED.equals(c.status())).orElse(false),
                    "both unreadable records REJECTED");
            assertTrue(admin.get(foreign.connectionId()).orElseThrow().statusReason()
                    .contains(CredentialKeys.keyId(otherKey)), admin.get(foreign.connectionId()).orElseThrow().statusReason());
            assertTrue(admin.get(copiedId).orElseThrow().statusReason().contains(cipher.currentKeyId()));
            Instant after = Instant.now();
            awaitSweep(jwt.connectionId(), "checker", after);
            assertEquals(account(3), admin.get(jwt.connectionId()).orElseThrow().accountId());
            assertNull(statuses.get(foreign.connectionId()).map(ConnectionStatus::heldBy).orElse(null));
        }
    }

    @Test
    @Order(5)
    void noTopicHoldsAnIssuedTokenOrTheClientSecret() {
        List<String> secrets = new java.util.ArrayList<>(sim.issuedTokens());
        secrets.add(sim.appCredentials().clientSecret());
        assertTrue(secrets.size() > 10, "the runs above issued tokens: " + secrets.size());
        TopicScan.assertNoneContains(cluster.bootstrapServers(), secrets, "\"name\":\"durable\"", WAIT);
    }
}
