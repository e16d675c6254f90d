package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStatuses;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ConnectionStatus;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorCredentials;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.testing.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several poller instances share the connections of rc.connections.v1 through consumer group POLLER_GROUP_ID, on an
 * embedded broker (6 partitions) against the simulator (8 companies, single-use refresh tokens): one instance in a
 * child JVM killed with SIGKILL, the others in this JVM. The group's session is 6 s here (Kafka's default: 45 s).
 */
class PollerGroupIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APP = "group-it";
    private static final String GROUP = APP + "-poller";
    private static final int PARTITIONS = 6;
    private static final int CONNECTIONS = 8;
    private static final String CHILD = "child:1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;
    private KafkaClients kafka;
    private RingCentralSimulator sim;
    private CredentialCipher cipher;
    private ConnectionStore admin;
    private ConnectionStatuses statuses;

    /** A poller instance in this JVM, wired as the commands wire it. */
    private record Member(String name, ConnectionStore store, Poller poller, ConnectionRunner runner)
            implements AutoCloseable {
        static Member start(String name, KafkaClients kafka, CredentialCipher cipher) {
            ConnectionStore store = ConnectionStore.start(kafka, WAIT);
            Poller poller = Poller.create(TestConnections.FAST.withPollInterval(Duration.ofSeconds(1)), kafka,
                    Clock.systemUTC());
            return new Member(name, store, poller, ConnectionRunner.startInGroup(poller, store, cipher, kafka, APP,
                    name, GROUP, Clock.systemUTC()));
        }

        @Override
        public void close() {
            runner.close();
            poller.close();
            store.close();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void instancesShareTheConnectionsTakeOverAKilledOneAndNeverSweepOneConnectionTwiceAtOnce() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.start(dir, PARTITIONS)) {
            kafka = KafkaClients.of(Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000"),
                    cluster.bootstrapServers());
            SimulatorOptions.Builder options = SimulatorOptions.builder().accounts(CONNECTIONS).extensionsPerAccount(10)
                    .seed(11);
            for (RateLimitGroup group : RateLimitGroup.values()) {
                options.limit(group, 1000);
            }
            byte[] key = CredentialKeys.generate();
            cipher = new CredentialCipher(CredentialKeys.of(key, List.of()));
            try (RingCentralSimulator simulator = RingCentralSimulator.start(options.build());
                 ConnectionStore store = ConnectionStore.start(kafka, WAIT);
                 ConnectionStatuses status = ConnectionStatuses.start(kafka, APP, WAIT);
                 Admin groups = Admin.create(kafka.admin())) {
                sim = simulator;
                admin = store;
                statuses = status;
                run(cluster, groups, Base64.getEncoder().encodeToString(key));
            }
        }
    }

    private void run(KafkaTestCluster cluster, Admin groups, String key) throws Exception {
        List<String> ids;
        try (Member a = Member.start("a", kafka, cipher);
             PollerProcess child = PollerProcess.start(dir, Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
                     "CREDENTIALS_KEY", key, "APPLICATION_ID", APP, "APPLICATION_SERVER", CHILD, "HTTP_PORT", "0",
                     "POLL_INTERVAL", "PT1S", "KAFKA_SESSION_TIMEOUT_MS", "6000",
                     "KAFKA_HEARTBEAT_INTERVAL_MS", "1000"))) {
            awaitMembers(groups, 2, child);
            ids = putConnections();
            Map<String, String> holders = awaitShared(ids, Instant.now().minusSeconds(60), List.of(a), Set.of(CHILD));
            Set<String> ofChild = holdersOf(holders, CHILD);
            assertNoDuplicateExtensions(cluster);

            Instant killed = Instant.now();
            child.kill();
            awaitAllSwept(List.copyOf(ofChild), killed, Set.of("a"));
            System.out.printf("PollerGroupIT: the killed instance's %d connection(s) were swept by the other %d ms "
                    + "after the kill (session timeout 6 s)%n", ofChild.size(), Duration.between(killed, Instant.now())
                    .toMillis());
            assertEquals(Set.copyOf(ids), a.runner().held(), "the survivor holds every connection");

            try (Member b = Member.start("b", kafka, cipher)) {
                awaitShared(ids, Instant.now(), List.of(a, b), Set.of());
                try (Member c = Member.start("c", kafka, cipher)) {
                    awaitShared(ids, Instant.now(), List.of(a, b, c), Set.of());
                    // Each took over accounts published by others after it started: it read their state first.
                    assertNoDuplicateExtensions(cluster);
                    assertAssignmentsNameTheConnectionsPartitions(ids);
                }
            }
        }
        assertEquals(List.of(), refusedTokenRequests(), "no spent or revoked refresh token was presented");
        assertHoldingsNeverOverlap();
    }

    private void assertAssignmentsNameTheConnectionsPartitions(List<String> ids) {
        for (String id : ids) {
            ConnectionStatus.Assignment assignment = statuses.get(id).map(ConnectionStatus::assignment).orElse(null);
            assertNotNull(assignment, "the status of " + id + " names its assignment");
            assertEquals(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS,
                    assignment.partition(), "the partition of " + id);
            assertNotNull(assignment.since());
        }
    }

    /** Connection records whose ids fall in every partition, alternately refresh-token and JWT, one per company. */
    private List<String> putConnections() {
        List<String> ids = new ArrayList<>();
        Set<Integer> covered = new java.util.HashSet<>();
        SimulatorCredentials app = sim.appCredentials();
        while (ids.size() < CONNECTIONS) {
            String id = Connection.newId(RANDOM);
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (!covered.add(partition) && covered.size() < PARTITIONS) {
                continue;
            }
            String account = sim.accounts().get(ids.size()).accountId();
            boolean refresh = ids.size() % 2 == 0;
            Secrets secrets = refresh
                    ? Secrets.forRefreshToken(app.clientSecret(), TestConnections.refreshToken(sim, account))
                    : Secrets.forJwt(app.clientSecret(), sim.adminJwt(account));
            Instant now = Instant.now();
            admin.put(new Connection(id, "company-" + ids.size(), sim.baseUrl().toString(), app.clientId(),
                    refresh ? Connection.GRANT_REFRESH_TOKEN : Connection.GRANT_JWT, null, null, Connection.ACTIVE,
                    null, now, now, cipher.encrypt(id, secrets)));
            ids.add(id);
        }
        return ids;
    }

    private static void awaitMembers(Admin groups, int members, PollerProcess child) {
        Await.until(() -> {
            try {
                ConsumerGroupDescription group = groups.describeConsumerGroups(List.of(GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(GROUP);
                return group.members().size() == members && group.groupState() == GroupState.STABLE;
            } catch (Exception e) {
                return false;
            }
        }, WAIT, members + " stable members of " + GROUP + (child == null ? "" : "\n" + child.output()));
    }

    /**
     * Waits until every connection was swept after {@code after}, each instance ({@code members} here, {@code others}
     * elsewhere) holds some, and what each member runs is what the status topic says it holds; the holders.
     */
    private Map<String, String> awaitShared(List<String> ids, Instant after, List<Member> members, Set<String> others) {
        Set<String> names = new java.util.HashSet<>(others);
        members.forEach(m -> names.add(m.name()));
        Await.until(() -> {
            Map<String, String> holders = holders(ids);
            return ids.stream().allMatch(id -> statuses.get(id).filter(s -> sweptAfter(s, after, names)).isPresent())
                    && names.stream().noneMatch(name -> holdersOf(holders, name).isEmpty())
                    && members.stream().allMatch(m -> holdersOf(holders, m.name()).equals(m.runner().held()));
        }, WAIT, "every connection swept and held by exactly one of " + names + ", each holding some: "
                + holders(ids));
        return holders(ids);
    }

    /** Waits for a completed sweep of every connection after {@code after} by one of {@code by}; their holders. */
    private Map<String, String> awaitAllSwept(List<String> ids, Instant after, Set<String> by) {
        Await.until(() -> ids.stream().allMatch(id -> statuses.get(id).filter(s -> sweptAfter(s, after, by))
                .isPresent()), WAIT, "a completed sweep of every connection by " + by + ": " + holders(ids));
        return holders(ids);
    }

    private static boolean sweptAfter(ConnectionStatus s, Instant after, Set<String> by) {
        return s.heldBy() != null && by.contains(s.heldBy()) && s.lastSweep() != null
                && "COMPLETED".equals(s.lastSweep().outcome()) && s.lastSweep().at().isAfter(after);
    }

    private Map<String, String> holders(List<String> ids) {
        Map<String, String> holders = new TreeMap<>();
        ids.forEach(id -> holders.put(id, statuses.get(id).map(ConnectionStatus::heldBy).orElse("-")));
        return holders;
    }

    private static Set<String> holdersOf(Map<String, String> holders, String instance) {
        return holders.entrySet().stream().filter(e -> instance.equals(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void assertNoDuplicateExtensions(KafkaTestCluster cluster) {
        int total = sim.accounts().stream().mapToInt(a -> sim.extensions(a.accountId()).size()).sum();
        var published = cluster.readUntil(Topics.EXTENSIONS, r -> r.size() > total, Duration.ofSeconds(3));
        Map<String, Long> perKey = published.stream().collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
        assertEquals(total, perKey.size(), "every extension published");
        assertEquals(total, published.size(), "no extension published twice: " + perKey.entrySet().stream()
                .filter(e -> e.getValue() > 1).limit(5).toList());
    }

    private List<RecordedRequest> refusedTokenRequests() {
        return sim.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/restapi/oauth/token") && r.status() == 400).toList();
    }

    /**
     * Each holder of a connection obtains its own access token: per company, the API requests of one token span a
     * time that ends before the next token's first request.
     */
    private void assertHoldingsNeverOverlap() {
        Map<String, Map<String, Instant[]>> spans = new HashMap<>();
        for (RecordedRequest r : sim.requests()) {
            if (r.tokenId() == null || r.ownerId() == null || !r.pathAndQuery().startsWith("/restapi/v1.0")) {
                continue;
            }
            spans.computeIfAbsent(r.ownerId(), o -> new HashMap<>()).merge(r.tokenId(),
                    new Instant[]{r.time(), r.time()}, (x, y) -> new Instant[]{min(x[0], y[0]), max(x[1], y[1])});
        }
        assertEquals(CONNECTIONS, spans.size(), "every company was swept");
        int handovers = 0;
        for (var entry : spans.entrySet()) {
            List<Instant[]> ordered = entry.getValue().values().stream()
                    .sorted(Comparator.comparing(s -> s[0])).toList();
            for (int i = 1; i < ordered.size(); i++) {
                assertFalse(ordered.get(i)[0].isBefore(ordered.get(i - 1)[1]), "company " + entry.getKey()
                        + ": a token was used from " + ordered.get(i)[0] + " while the previous one was used until "
                        + ordered.get(i - 1)[1]);
                handovers++;
            }
        }
        assertTrue(handovers >= 3, "connections changed hands: " + handovers);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
