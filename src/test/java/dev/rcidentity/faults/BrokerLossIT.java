package dev.rcidentity.faults;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.ThreeNodeKafka;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three KRaft nodes in this JVM, every topic replicated three times with min.insync.replicas=2, the streams process
 * in a child JVM. One node is stopped while logins and snapshot updates flow and lookups are asked, then started
 * again. Nothing is lost or doubled (every loginCount exact, no update repeated), and every lookup on the way answers
 * 200 or 503 with Retry-After, never a 500.
 */
class BrokerLossIT {
    private static final int OWNERS = 100;
    private static final int ROUNDS = 20;
    private static final int STOPPED_NODE = 2;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aBrokerStoppedAndRestartedWhileLoginsFlowLosesNothingAndLookupsKeepAnswering() throws Exception {
        List<InputRecord> inputs = LoginBacklog.of(OWNERS, ROUNDS);
        int head = 1 + 2 * OWNERS; // the account, the first snapshots and the first round of logins
        ThreeNodeKafka nodes = ThreeNodeKafka.start(dir.resolve("kafka"));
        try (KafkaTestCluster kafka = KafkaTestCluster.onThreeNodes(nodes, 3)) {
            InputRecord.sendAll(kafka.bootstrapServers(), inputs.subList(0, head));
            int port = ChildJvm.freePort();
            try (ChildJvm streams = ChildJvm.streams(kafka.bootstrapServers(), "broker-loss-it", dir.resolve("state"),
                    port, Map.of("NUM_STANDBY_REPLICAS", "0"), ChildJvm.logFile("broker-loss"))) {
                PipelineProgress.awaitAnswers(port, LoginBacklog.owners(OWNERS), answer -> answer.status() == 200, streams);
                Lookups lookups = new Lookups(port);
                CompletableFuture<Void> asking = CompletableFuture.runAsync(lookups);
                List<List<InputRecord>> chunks = chunks(inputs.subList(head, inputs.size()));
                CompletableFuture<Void> stopping = null;
                Instant stopped = null;
                for (int i = 0; i < chunks.size(); i++) {
                    if (i == chunks.size() / 3) {
                        stopping = CompletableFuture.runAsync(() -> nodes.stopNode(STOPPED_NODE));
                        stopped = Instant.now();
                    } else if (i == 2 * chunks.size() / 3) {
                        stopping.get(Stall.LIMIT.toSeconds(), TimeUnit.SECONDS);
                        nodes.startNode(STOPPED_NODE);
                        FaultFigures.record("BrokerLossIT", "node " + STOPPED_NODE + " down for "
                                + Duration.between(stopped, Instant.now()).toMillis() + " ms while " + (i - chunks.size() / 3)
                                + " of " + chunks.size() + " chunks of records were written");
                    }
                    InputRecord.sendAll(kafka.bootstrapServers(), chunks.get(i));
                }
                Map<String, Identity> expected = LoginBacklog.expectedIdentities(OWNERS, ROUNDS);
                PipelineProgress.awaitInputsCommitted(kafka.bootstrapServers(), "broker-loss-it", streams);
                List<ConsumerRecord<String, Identity>> read = kafka.readUntil(Topics.IDENTITIES,
                        records -> IdentityOutput.table(records).equals(expected), Stall.LIMIT);
                lookups.stop.set(true);
                asking.get(30, TimeUnit.SECONDS); // at most one lookup (10 s) was under way

                assertEquals(expected, IdentityOutput.table(read), () -> "nothing lost: " + IdentityOutput.loginsCounted(read)
                        + " logins counted\n" + PipelineProgress.describe(kafka.bootstrapServers(), "broker-loss-it",
                        PipelineProgress.INPUTS, Topics.IDENTITIES.name())
                        + "\n" + streams.logTail() + "\n" + streams.threadDump());
                IdentityOutput.assertNoUpdateRepeated(read, OWNERS * ROUNDS);
                assertEquals(List.of(), List.copyOf(lookups.wrong), "every lookup answered 200 or 503 with Retry-After");
                assertTrue(lookups.answers.getOrDefault("200", 0) > 0, "lookups were answered: " + lookups.answers);
                FaultFigures.record("BrokerLossIT", read.size() + " committed identity updates checked for " + OWNERS
                        + " owners, " + OWNERS * ROUNDS + " logins; lookups during the flow " + lookups.answers);
            }
        }
    }

    /** Lookups of every owner, round after round, until stopped; what each answered, and any answer not allowed. */
    private static final class Lookups implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, Integer> answers = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        private final int port;

        Lookups(int port) {
            this.port = port;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    for (String owner : LoginBacklog.owners(OWNERS)) {
                        if (stop.get()) {
                            return;
                        }
                        Api.Answer answer = Api.get(port, "/v1/identities/" + owner);
                        answers.merge(String.valueOf(answer.status()), 1, Integer::sum);
                        boolean allowed = answer.status() == 200
                                || answer.status() == 503 && answer.header("Retry-After").isPresent();
                        if (!allowed && wrong.size() < 10) {
                            wrong.add(owner + ": " + answer.status() + (answer.response() == null ? "" : " " + answer.body()));
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<List<InputRecord>> chunks(List<InputRecord> records) {
        int size = OWNERS;
        return java.util.stream.IntStream.range(0, (records.size() + size - 1) / size)
                .mapToObj(i -> records.subList(i * size, Math.min(records.size(), (i + 1) * size))).toList();
    }
}
