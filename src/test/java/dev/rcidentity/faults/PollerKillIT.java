package dev.rcidentity.faults;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poller (a child JVM, RC_CONNECTIONS_FILE pointing at the simulator in this JVM) publishes an account's 3,000
 * extensions, then a second poller is killed with SIGKILL in the middle of a slow sweep (after the first of three
 * pages). Neither that sweep nor the one after the restart publishes a deletion or an unchanged extension again:
 * rc.extensions.v1 still holds each extension once.
 */
class PollerKillIT {
    private static final int EXTENSIONS = 3_000;
    private static final int PAGE = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void aSweepKilledHalfWayPublishesNoDeletionAndNoRepublishAfterTheRestart() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 2);
             RingCentralSimulator sim = RingCentralSimulator.start(SimulatorOptions.builder().accounts(1)
                     .extensionsPerAccount(EXTENSIONS).build())) {
            Path connections = dir.resolve("connections.json");
            sim.writeConnectionsFile(connections);
            int total = sim.extensions(sim.accounts().get(0).accountId()).size();
            try (PollerChild poller = startPoller(kafka, connections)) {
                poller.awaitCompletedSweep();
            }
            assertEquals(total, extensions(kafka, total).size(), "the first sweep published every extension");

            sim.faults().slowResponses(Duration.ofMillis(1_500));
            sim.clearRequests();
            try (PollerChild poller = startPoller(kafka, connections)) {
                awaitFirstPageAnswered(sim, poller);
                poller.kill();
            }
            assertTrue(sim.requests().stream().noneMatch(r -> r.pathAndQuery().contains("page=" + (total / PAGE))),
                    "the kill came before the last page: " + sim.requests());

            sim.faults().slowResponses(Duration.ZERO);
            try (PollerChild poller = startPoller(kafka, connections)) {
                poller.awaitCompletedSweep();
            }
            List<ConsumerRecord<String, ExtensionSnapshot>> published = extensions(kafka, total + 1);
            assertEquals(total, published.size(), "neither the killed sweep nor the one after the restart published "
                    + "an unchanged extension again");
            assertEquals(List.of(), published.stream().filter(r -> r.value().deleted()).map(ConsumerRecord::key)
                    .limit(5).toList(), "no deletion published");
        }
    }

    /** What rc.extensions.v1 holds, read until {@code count} records or for a few seconds at most. */
    private static List<ConsumerRecord<String, ExtensionSnapshot>> extensions(KafkaTestCluster kafka, int count) {
        return kafka.readUntil(Topics.EXTENSIONS, records -> records.size() >= count, Duration.ofSeconds(5));
    }

    private static void awaitFirstPageAnswered(RingCentralSimulator sim, PollerChild poller) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline) && poller.alive()) {
            if (sim.requests().stream().anyMatch(r -> r.pathAndQuery().contains("/extension") && r.pathAndQuery().contains("page=1"))) {
                return;
            }
            Thread.sleep(50); // the poll interval of a wait on a condition
        }
        throw new AssertionError("the sweep did not reach its first page within " + WAIT + "\n" + poller.logTail());
    }

    /** The same key across the restart: the imported connection's credential is encrypted with it. */
    private static final String CREDENTIALS_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private static PollerChild startPoller(KafkaTestCluster kafka, Path connections) throws Exception {
        int port = ChildJvm.freePort();
        return new PollerChild(port, ChildJvm.start("poller", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "RC_CONNECTIONS_FILE", connections.toString(),
                "CREDENTIALS_KEY", CREDENTIALS_KEY,
                "POLL_INTERVAL", "PT1H",
                "HTTP_PORT", String.valueOf(port)), ChildJvm.logFile("poller-kill")));
    }

    /** The poller in a child JVM, and the port of its /metrics. */
    private record PollerChild(int port, ChildJvm poller) implements AutoCloseable {
        void kill() throws InterruptedException {
            poller.kill();
        }

        boolean alive() {
            return poller.alive();
        }

        String logTail() {
            return poller.logTail();
        }

        void awaitCompletedSweep() throws Exception {
            PollerKillIT.awaitCompletedSweep(port, poller);
        }

        @Override
        public void close() throws InterruptedException {
            poller.close();
        }
    }

    /** Waits until the poller's /metrics count a completed sweep. */
    private static void awaitCompletedSweep(int port, ChildJvm poller) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline) && poller.alive()) {
            Api.Answer metrics = Api.get(port, "/metrics");
            if (metrics.status() == 200 && metrics.body().lines().anyMatch(line ->
                    line.startsWith("rc_identity_poller_sweeps_total{outcome=\"completed\"") && !line.endsWith(" 0.0"))) {
                return;
            }
            Thread.sleep(200); // the poll interval of a wait on a condition
        }
        throw new AssertionError("no completed sweep within " + WAIT + "\n" + poller.logTail());
    }
}
