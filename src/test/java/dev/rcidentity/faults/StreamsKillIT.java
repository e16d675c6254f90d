package dev.rcidentity.faults;

import dev.rcidentity.kafka.KafkaTestCluster;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once across crashes: the streams process (a child JVM; the broker stays in this JVM) is killed with SIGKILL
 * twice while it works through a backlog of logins and snapshot updates. Afterwards every loginCount is exact, no
 * identity update appears twice in the read_committed output, and the table is the one a run without faults makes
 * (computed from the inputs; {@code LoginBacklogTest} checks that computation against the topology).
 */
class StreamsKillIT {
    private static final int OWNERS = 200;
    private static final int LOGINS_PER_OWNER = 100;
    /** The kills come when this share of the logins has come out committed, so each falls in the middle of the work. */
    private static final double[] KILL_AT = {0.25, 0.6};
    private static final String GROUP = "streams-kill-it";
    /** The reads up to a kill end on a stall (see {@link Stall}) or the test's timeout, not on a clock of their own. */
    private static final Duration UNBOUNDED = Duration.ofDays(1);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void twoKillsDuringABacklogLoseNothingAndRepeatNothing() throws Exception {
        List<InputRecord> inputs = LoginBacklog.of(OWNERS, LOGINS_PER_OWNER);
        Map<String, Identity> expected = LoginBacklog.expectedIdentities(OWNERS, LOGINS_PER_OWNER);

        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 4)) {
            InputRecord.sendAll(kafka.bootstrapServers(), inputs);
            int logins = OWNERS * LOGINS_PER_OWNER;
            Instant started = Instant.now();
            for (double share : KILL_AT) {
                try (ChildJvm streams = startStreams(kafka)) {
                    Stall stall = new Stall();
                    List<ConsumerRecord<String, Identity>> read = kafka.readUntil(Topics.IDENTITIES, records ->
                            IdentityOutput.loginsCounted(records) >= share * logins || !streams.alive()
                                    || stall.stalled(IdentityOutput.loginsCounted(records)), UNBOUNDED);
                    assertTrue(streams.alive(), "the streams process died by itself:\n" + streams.logTail());
                    assertTrue(IdentityOutput.loginsCounted(read) >= share * logins, () -> "no progress to " + share
                            + ": no more logins counted for " + Stall.LIMIT + ", " + IdentityOutput.loginsCounted(read)
                            + " logins counted\n" + progress(kafka) + "\n" + streams.logTail() + "\n" + streams.threadDump());
                    streams.kill();
                    FaultFigures.record("StreamsKillIT", "SIGKILL at " + IdentityOutput.loginsCounted(read) + " of " + logins
                            + " logins counted, " + Duration.between(started, Instant.now()).toMillis() + " ms after its start");
                    started = Instant.now();
                    assertFalse(IdentityOutput.table(read).equals(expected), "the kill came before the backlog was done");
                }
            }
            try (ChildJvm streams = startStreams(kafka)) {
                PipelineProgress.awaitInputsCommitted(kafka.bootstrapServers(), GROUP, streams);
                List<ConsumerRecord<String, Identity>> read = kafka.readUntil(Topics.IDENTITIES,
                        records -> IdentityOutput.table(records).equals(expected), Stall.LIMIT);
                assertEquals(expected, IdentityOutput.table(read), () -> "the same identities as a run without faults\n"
                        + progress(kafka) + "\n" + streams.logTail());
                IdentityOutput.assertNoUpdateRepeated(read, OWNERS * LOGINS_PER_OWNER);
                FaultFigures.record("StreamsKillIT", "exact after the second restart in "
                        + Duration.between(started, Instant.now()).toMillis() + " ms; " + read.size()
                        + " committed identity updates checked, " + OWNERS + " identities");
            }
        }
    }

    private ChildJvm startStreams(KafkaTestCluster kafka) throws Exception {
        return ChildJvm.streams(kafka.bootstrapServers(), GROUP, dir.resolve("state"), ChildJvm.freePort(),
                Map.of("NUM_STANDBY_REPLICAS", "0"), ChildJvm.logFile("streams-kill"));
    }

    private static String progress(KafkaTestCluster kafka) {
        return PipelineProgress.describe(kafka.bootstrapServers(), GROUP, PipelineProgress.INPUTS,
                Topics.IDENTITIES.name());
    }
}
