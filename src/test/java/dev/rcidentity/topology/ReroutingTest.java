package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Resolution;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.LongStream;

import static dev.rcidentity.topology.TopologyFixture.T0;
import static dev.rcidentity.topology.TopologyFixture.account;
import static dev.rcidentity.topology.TopologyFixture.extension;
import static dev.rcidentity.topology.TopologyFixture.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records in a partition that does not own their key, as a producer with another partitioner than the Java clients'
 * writes them. The test driver reads every topic from partition 0: on 4 partitions, a key whose murmur2 partition is
 * not 0 arrives in the wrong task and must be re-routed; a key of partition 0 must not.
 */
class ReroutingTest {
    private static final int PARTITIONS = 4;
    private static final String ACCOUNT = "400001";
    /** Owned by partition 0, where the driver reads everything. */
    private static final String OWNED = idIn(p -> p == 0);
    /** Owned by another partition. */
    private static final String MISROUTED = idIn(p -> p != 0);

    @TempDir
    Path dir;
    private TopologyFixture fx;

    @AfterEach
    void stopDriver() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aRecordInAnotherPartitionThanItsKeysIsReroutedOnceAndResolves() {
        fx = new TopologyFixture(dir, StreamsConfig.EXACTLY_ONCE_V2, PARTITIONS);
        fx.account(account(ACCOUNT, "Acme", t(0)));
        for (String id : List.of(OWNED, MISROUTED)) {
            fx.snapshot(extension(ACCOUNT, id, "4" + id.substring(id.length() - 2), "User " + id, "Enabled", t(1)));
            fx.login(login(id, t(2)));
        }

        Map<String, Identity> table = fx.table();
        for (String id : List.of(OWNED, MISROUTED)) {
            assertEquals(Resolution.RESOLVED, table.get(id).resolution(), id);
            assertEquals("User " + id, table.get(id).name());
            assertEquals("Acme", table.get(id).account().companyName());
        }
        assertEquals(List.of(MISROUTED), fx.repartitioned(Topics.LOGINS_REROUTED), "only the misrouted login");
        assertEquals(List.of(MISROUTED), fx.repartitioned(Topics.EXTENSIONS_REROUTED), "only the misrouted snapshot");
        assertEquals(1.0, fx.reroutedCount(Topics.LOGINS.name()));
        assertEquals(1.0, fx.reroutedCount(Topics.EXTENSIONS.name()));
    }

    @Test
    void reroutingChangesNoIdentityWhateverTheArrivalOrder() {
        List<Consumer<TopologyFixture>> inputs = List.of(
                f -> f.account(account(ACCOUNT, "Acme", t(0))),
                f -> f.snapshot(extension(ACCOUNT, MISROUTED, "420", "Alice", "Enabled", t(1))),
                f -> f.snapshot(extension(ACCOUNT, OWNED, "421", "Bob", "Enabled", t(1))),
                f -> f.login(login(MISROUTED, t(2))),
                f -> f.login(login(OWNED, t(2))),
                f -> f.snapshot(extension(ACCOUNT, MISROUTED, "555", "Alice Smith", "Enabled", t(3))),
                f -> f.login(login(MISROUTED, t(4))),
                f -> f.account(account(ACCOUNT, "Acme Inc", t(5))));

        Map<String, Identity> onePartition = run(1, inputs, "one");
        Map<String, Identity> rerouted = run(PARTITIONS, inputs, "rerouted");
        List<Consumer<TopologyFixture>> reversed = new ArrayList<>(inputs);
        Collections.reverse(reversed);
        Map<String, Identity> reroutedReversed = run(PARTITIONS, reversed, "reversed");

        assertEquals(onePartition, rerouted);
        assertEquals(onePartition, reroutedReversed);
        Identity alice = rerouted.get(MISROUTED);
        assertEquals("555", alice.extensionNumber());
        assertEquals("555", alice.extensionNumberAtLogin());
        assertEquals(2, alice.loginCount());
        assertEquals("Acme Inc", alice.account().companyName());
    }

    @Test
    void aBadRecordIsDeadLetteredWhereItWasReadNotAfterTheReroute() {
        fx = new TopologyFixture(dir, StreamsConfig.AT_LEAST_ONCE, PARTITIONS);
        fx.raw(Topics.LOGINS.name(), MISROUTED, "{\"ownerId\": \"" + OWNED + "\", \"loggedInAt\": \"2026-03-01T09:00:00Z\"}");

        List<TestRecord<byte[], byte[]>> dead = fx.deadLetters.readRecordsToList();
        assertEquals(1, dead.size());
        assertEquals(Topics.LOGINS.name(), header(dead.get(0), "__streams.errors.topic"));
        assertTrue(fx.repartitioned(Topics.LOGINS_REROUTED).isEmpty());
        assertEquals(0.0, fx.reroutedCount(Topics.LOGINS.name()));
    }

    @Test
    void theRerouteLogSpeaksAtMostOncePerInterval() {
        RerouteLog log = new RerouteLog(Topics.LOGINS.name(), Duration.ofMinutes(1));
        long start = T0.toEpochMilli();
        assertTrue(log.rerouted(2, 3, start), "the first one is logged");
        assertFalse(log.rerouted(2, 3, start + 1_000));
        assertFalse(log.rerouted(1, 0, start + 59_999));
        assertTrue(log.rerouted(1, 0, start + 60_000), "a minute later");
        assertFalse(log.rerouted(1, 0, start + 60_001));
    }

    @Test
    void theOwnerIsTheJavaClientsPartition() {
        // Kafka's BuiltInPartitioner.partitionForKey, written out: murmur2 of the key bytes, positive, modulo the count.
        for (String key : List.of(OWNED, MISROUTED, "1339290096", "60562435785")) {
            int expected = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 6;
            assertEquals(expected, KeyPartitioner.partitionOf(key, 6), key);
        }
        assertNotEquals(KeyPartitioner.partitionOf(MISROUTED, PARTITIONS), 0);
    }

    private Map<String, Identity> run(int partitions, List<Consumer<TopologyFixture>> inputs, String name) {
        try (TopologyFixture driver = new TopologyFixture(dir.resolve(name), StreamsConfig.EXACTLY_ONCE_V2, partitions)) {
            inputs.forEach(input -> input.accept(driver));
            return driver.table();
        }
    }

    private static String idIn(IntPredicate partition) {
        return LongStream.range(400_101, 401_000).mapToObj(Long::toString)
                .filter(id -> partition.test(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS))
                .findFirst().orElseThrow();
    }

    private static Instant t(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
