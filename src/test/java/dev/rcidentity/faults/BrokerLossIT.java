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
    /**
     * How long the pipeline may go without any progress (another owner answering, fewer input records left) before
     * the test calls it stuck. A bound on stalls, not on speed: on a machine shared with other builds (load average
     * 45 on 2 cores) the child JVM alone took 50 s to start.
     */
    private static final Duration STALL = Duration.ofSeconds(120);
    private static final List<String> INPUTS = List.of(Topics.LOGINS.name(), Topics.EXTENSIONS.name());

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
                awaitEveryOwnerAnswers(port, streams);
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
                        stopping.get(STALL.toSeconds(), TimeUnit.SECONDS);
                        nodes.startNode(STOPPED_NODE);
                        FaultFigures.record("BrokerLossIT", "node " + STOPPED_NODE + " down for "
                                + Duration.between(stopped, Instant.now()).toMillis() + " ms while " + (i - chunks.size() / 3)
                                + " of " + chunks.size() + " chunks of records were written");
                    }
                    InputRecord.sendAll(kafka.bootstrapServers(), chunks.get(i));
                }
                Map<String, Identity> expected = LoginBacklog.expectedIdentities(OWNERS, ROUNDS);
                awaitInputsCommitted(kafka.bootstrapServers(), streams);
                List<ConsumerRecord<String, Identity>> read = kafka.readUntil(Topics.IDENTITIES,
                        records -> IdentityOutput.table(records).equals(expected), STALL);
                lookups.stop.set(true);
                asking.get(30, TimeUnit.SECONDS); // at most one lookup (10 s) was under way

                assertEquals(expected, IdentityOutput.table(read), () -> "nothing lost: " + IdentityOutput.loginsCounted(read)
                        + " logins counted\n" + PipelineProgress.describe(kafka.bootstrapServers(), "broker-loss-it",
                        INPUTS, Topics.IDENTITIES.name())
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

    /** Waits until every owner answers 200, while owners keep coming (the first one after the child's start). */
    private static void awaitEveryOwnerAnswers(int port, ChildJvm streams) throws Exception {
        Instant deadline = Instant.now().plus(STALL);
        for (String owner : LoginBacklog.owners(OWNERS)) {
            while (Api.get(port, "/v1/identities/" + owner).status() != 200) {
                assertTrue(Instant.now().isBefore(deadline) && streams.alive(), () -> owner + " did not answer: no "
                        + "owner answered for " + STALL + "\n" + streams.logTail() + "\n" + streams.threadDump());
                Thread.sleep(100); // the poll interval of a wait on a condition
            }
            deadline = Instant.now().plus(STALL);
        }
    }

    /** Waits until the group has committed every input record, while the records left keep decreasing. */
    private static void awaitInputsCommitted(String bootstrapServers, ChildJvm streams) throws Exception {
        Instant deadline = Instant.now().plus(STALL);
        long left = Long.MAX_VALUE;
        for (long lag = PipelineProgress.lag(bootstrapServers, "broker-loss-it", INPUTS); lag > 0;
             lag = PipelineProgress.lag(bootstrapServers, "broker-loss-it", INPUTS)) {
            if (lag < left) {
                left = lag;
                deadline = Instant.now().plus(STALL);
            }
            assertTrue(Instant.now().isBefore(deadline) && streams.alive(), () -> "no input committed for " + STALL
                    + "\n" + PipelineProgress.describe(bootstrapServers, "broker-loss-it", INPUTS,
                    Topics.IDENTITIES.name()) + "\n" + streams.logTail() + "\n" + streams.threadDump());
            Thread.sleep(200); // the poll interval of a wait on a condition
        }
    }
}
