package dev.rcidentity.bench;

import dev.rcidentity.connections.ConnectionStatuses;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ConnectionStatus;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One round of the poller scale-out bench on its own broker: {@code instances} poller processes join the group, then
 * one connection per simulated company is put into rc.connections.v1 and the round waits until every one has a
 * completed first sweep. Optionally it then kills the first instance with SIGKILL and waits until the survivor has
 * completed a sweep of every connection the killed one held.
 */
final class PollerRound {
    static final String APPLICATION_ID = "rc-identity-bench";
    static final String GROUP = APPLICATION_ID + "-poller";
    private static final Duration WAIT = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PUT_THREADS = 16;

    /**
     * @param sweepSeconds  from the put of the first connection to the last completed first sweep
     * @param putSeconds    how long the put of every connection took (the sweeps start meanwhile)
     * @param firstSeconds  from the put of the first connection to the first completed sweep
     * @param idleRssMiB    each instance's RSS in the group before the put, holding no connection: the JVM and the
     *                      clients every instance has, whatever its share
     * @param rssMiB        each instance's RSS after the sweeps
     * @param liveHeapMiB   each instance's heap in use after a full collection, after the sweeps (and the RSS)
     * @param cpuSeconds    each instance's CPU time from the put to the last first sweep
     * @param benchCpuSeconds this JVM's CPU time (the simulator, the broker) from the put to the last first sweep
     * @param resume        the takeover after the kill (null when none was killed)
     * @param orphans       how many connections the killed instance held
     */
    record Measured(double sweepSeconds, double putSeconds, double firstSeconds, List<Double> idleRssMiB,
                    List<Double> rssMiB, List<Double> liveHeapMiB, List<Double> cpuSeconds, double benchCpuSeconds,
                    Resume resume, int orphans) {
    }

    /**
     * Seconds from the SIGKILL until the survivor held every connection of the killed one (their sweeps scheduled), until
     * its first completed sweep of one of them, and until it had swept them all.
     */
    record Resume(double heldSeconds, double firstSweptSeconds, double allSweptSeconds) {
    }

    private PollerRound() {
    }

    static Measured run(Path dir, int partitions, RingCentralSimulator sim, int instances, Duration sessionTimeout,
                        boolean killOne) throws Exception {
        Files.createDirectories(dir);
        byte[] key = CredentialKeys.generate();
        CredentialCipher cipher = new CredentialCipher(CredentialKeys.of(key, List.of()));
        try (BenchKafka kafka = BenchKafka.start(dir.resolve("kafka"), partitions);
             ConnectionStore store = ConnectionStore.start(kafka.clients(), WAIT);
             ConnectionStatuses statuses = ConnectionStatuses.start(kafka.clients(), APPLICATION_ID, WAIT);
             Admin admin = Admin.create(kafka.clients().admin())) {
            Map<String, String> settings = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "CREDENTIALS_KEY", Base64.getEncoder().encodeToString(key),
                    "APPLICATION_ID", APPLICATION_ID,
                    // One sweep per connection in the round: no second sweep competes with the first ones.
                    "POLL_INTERVAL", "PT1H",
                    "KAFKA_SESSION_TIMEOUT_MS", String.valueOf(sessionTimeout.toMillis()),
                    "KAFKA_HEARTBEAT_INTERVAL_MS", String.valueOf(Math.max(500, sessionTimeout.toMillis() / 5)));
            List<PollerChild> children = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    children.add(PollerChild.start("bench-poller-" + (char) ('a' + i), settings, dir));
                }
                awaitMembers(admin, instances, children);
                List<Connection> connections = connections(cipher, sim);
                List<String> ids = connections.stream().map(Connection::connectionId).toList();
                Instant startedAt = Instant.now();
                long benchCpu = BenchCpu.nanos();
                List<Double> cpuBefore = children.stream().map(PollerChild::cpuSeconds).toList();
                List<Double> idleRss = children.stream().map(PollerChild::rssMiB).toList();
                long start = System.nanoTime();
                put(store, connections);
                double putSeconds = (System.nanoTime() - start) / 1e9;
                await(() -> ids.stream().allMatch(id -> completedAfter(statuses.get(id).orElse(null), Instant.EPOCH,
                        null)), () -> "a completed first sweep of all " + ids.size() + " connections", children);
                double sweepSeconds = (System.nanoTime() - start) / 1e9;
                double benchCpuSeconds = (BenchCpu.nanos() - benchCpu) / 1e9;
                List<Double> cpu = new ArrayList<>();
                for (int i = 0; i < children.size(); i++) {
                    cpu.add(children.get(i).cpuSeconds() - cpuBefore.get(i));
                }
                double firstSeconds = secondsToFirstSweep(statuses, ids, startedAt);
                List<Double> rss = children.stream().map(PollerChild::rssMiB).toList();
                List<Double> liveHeap = new ArrayList<>();
                for (PollerChild child : children) {
                    liveHeap.add(child.liveHeapMiB());
                }
                if (!killOne) {
                    return new Measured(sweepSeconds, putSeconds, firstSeconds, idleRss, rss, liveHeap, cpu,
                            benchCpuSeconds, null, 0);
                }
                PollerChild killed = children.get(0);
                String survivor = children.get(1).instance();
                List<String> orphans = ids.stream().filter(id -> statuses.get(id).map(ConnectionStatus::heldBy)
                        .filter(killed.instance()::equals).isPresent()).toList();
                Instant killedAt = Instant.now();
                long kill = System.nanoTime();
                killed.kill();
                List<PollerChild> survivors = children.subList(1, children.size());
                await(() -> orphans.stream().allMatch(id -> statuses.get(id).filter(s -> survivor.equals(s.heldBy())
                        && s.updatedAt().isAfter(killedAt)).isPresent()), () -> "a takeover by " + survivor + " of the "
                        + orphans.size() + " connections of the killed instance", survivors);
                double heldSeconds = (System.nanoTime() - kill) / 1e9;
                await(() -> orphans.stream().allMatch(id -> completedAfter(statuses.get(id).orElse(null), killedAt,
                        survivor)), () -> "a sweep by " + survivor + " of the " + orphans.size()
                        + " connections of the killed instance", survivors);
                double allSweptSeconds = (System.nanoTime() - kill) / 1e9;
                double firstSweptSeconds = secondsToFirstSweep(statuses, orphans, killedAt);
                return new Measured(sweepSeconds, putSeconds, firstSeconds, idleRss, rss, liveHeap, cpu,
                        benchCpuSeconds, new Resume(heldSeconds, firstSweptSeconds, allSweptSeconds), orphans.size());
            } finally {
                for (PollerChild child : children) {
                    child.close();
                }
            }
        }
    }

    /** One JWT connection per simulated company, made (JWT signed, secrets encrypted) before the round is timed. */
    private static List<Connection> connections(CredentialCipher cipher, RingCentralSimulator sim) {
        SimulatorCredentials app = sim.appCredentials();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < sim.accounts().size(); i++) {
            String id = Connection.newId(RANDOM);
            Secrets secrets = Secrets.forJwt(app.clientSecret(), sim.adminJwt(sim.accounts().get(i).accountId()));
            Instant now = Instant.now();
            connections.add(new Connection(id, "bench-company-" + i, sim.baseUrl().toString(), app.clientId(),
                    Connection.GRANT_JWT, null, null, Connection.ACTIVE, null, now, now, cipher.encrypt(id, secrets)));
        }
        return connections;
    }

    /**
     * Puts them {@link #PUT_THREADS} at a time: each put waits for Kafka's acknowledgement, and one at a time (~100 ms
     * each under load) the put itself would pace the sweeps of two instances.
     */
    private static void put(ConnectionStore store, List<Connection> connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PUT_THREADS);
        try {
            List<Future<?>> puts = connections.stream().<Future<?>>map(c -> pool.submit(() -> store.put(c))).toList();
            for (Future<?> put : puts) {
                put.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean completedAfter(ConnectionStatus s, Instant after, String by) {
        return s != null && s.lastSweep() != null && "COMPLETED".equals(s.lastSweep().outcome())
                && s.lastSweep().at().isAfter(after) && (by == null || by.equals(s.heldBy()));
    }

    /** Seconds from {@code from} to the earliest last sweep of {@code ids} (each swept since); NaN when none. */
    private static double secondsToFirstSweep(ConnectionStatuses statuses, List<String> ids, Instant from) {
        return ids.stream().map(id -> statuses.get(id).orElseThrow().lastSweep().at()).min(Instant::compareTo)
                .map(at -> Duration.between(from, at).toMillis() / 1e3).orElse(Double.NaN);
    }

    private static void awaitMembers(Admin admin, int members, List<PollerChild> children) throws Exception {
        await(() -> {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(GROUP);
                return group.members().size() == members && group.groupState() == GroupState.STABLE;
            } catch (Exception e) {
                return false;
            }
        }, () -> members + " stable members of " + GROUP, children);
    }

    /** Polls {@code condition} every 50 ms until it holds; after {@link #WAIT} fails with the children's logs. */
    private static void await(BooleanSupplier condition, Supplier<String> what, List<PollerChild> children)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                children.forEach(c -> logs.append("\n--- ").append(c.instance()).append(":\n").append(c.logTail()));
                throw new IllegalStateException("no " + what.get() + " within " + WAIT.toSeconds() + " s" + logs);
            }
            Thread.sleep(50);
        }
    }
}
