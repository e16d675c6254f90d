package dev.rcidentity.poller;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.TopicDefinition;
import dev.rcidentity.kafka.TopicProvisioner;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedExtension;
import dev.rcidentity.simulator.SimulatorChanges;
import dev.rcidentity.simulator.SimulatorOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The poller end to end: the simulator over HTTP, a real embedded Kafka broker, the contract's topics. */
class PollerIT {
    @TempDir
    static Path kafkaDir;
    private static EmbeddedKafkaBroker broker;
    private static KafkaClients kafka;

    private RingCentralSimulator sim;
    private final List<Poller> pollers = new ArrayList<>();

    @BeforeAll
    static void startKafka() {
        broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
        kafka = KafkaClients.of(Map.of(), broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka.admin())) {
            new TopicProvisioner(admin, 2, Optional.empty()).ensure(TopicDefinition.bundled());
        }
    }

    @AfterAll
    static void stopKafka() {
        broker.close();
    }

    @AfterEach
    void stop() {
        pollers.forEach(Poller::close);
        if (sim != null) {
            sim.close();
        }
    }

    private String startSimulator(long seed, int extensions) {
        sim = RingCentralSimulator.start(SimulatorOptions.builder().accounts(1).extensionsPerAccount(extensions)
                .seed(seed).build());
        return sim.accounts().get(0).accountId();
    }

    private Poller poller(ConnectionSettings... connections) {
        Poller poller = Poller.create(List.of(connections), TestConnections.FAST, kafka, Clock.systemUTC());
        pollers.add(poller);
        return poller;
    }

    private Poller adminPoller(String accountId) {
        return poller(TestConnections.admin(sim, "acme", accountId));
    }

    @Test
    void publishesOnlyChangesAndARestartRepublishesNothing() throws InterruptedException {
        String accountId = startSimulator(101, 30);
        Poller first = adminPoller(accountId);

        SweepOutcome initial = first.sweepOnce("acme");
        assertTrue(initial.completed(), initial.failure());
        int size = sim.extensions(accountId).size();
        assertEquals(size, initial.extensionsPublished());
        assertTrue(initial.accountPublished());
        assertEquals(1, initial.loginsPublished());

        List<ConsumerRecord<String, ExtensionSnapshot>> published = read(Topics.EXTENSIONS, s -> s.accountId().equals(accountId));
        assertEquals(size, published.size());
        published.forEach(r -> {
            assertEquals(r.value().extensionId(), r.key());
            assertEquals(r.value().observedAt().toEpochMilli(), r.timestamp());
        });
        AccountSnapshot account = single(read(Topics.ACCOUNTS, a -> a.accountId().equals(accountId))).value();
        assertEquals(sim.accounts().get(0).companyName(), account.companyName());
        assertEquals(sim.accounts().get(0).mainNumber(), account.mainNumber());

        ConsumerRecord<String, LoginEvent> login = single(read(Topics.LOGINS, l -> accountId.equals(l.accountId())));
        assertEquals(accountId, login.key());
        assertEquals(new LoginEvent(accountId, accountId, login.value().loggedInAt(), "poller",
                login.value().endpointId(), login.value().scope(), TokenManager.JWT_BEARER_GRANT,
                sim.appCredentials().clientId()), login.value());
        assertEquals(login.value().loggedInAt().toEpochMilli(), login.timestamp());
        assertFalse(readRaw(Topics.LOGINS.name()).contains(sim.appCredentials().clientSecret()));

        SweepOutcome again = first.sweepOnce("acme");
        assertEquals(0, again.extensionsPublished());
        assertFalse(again.accountPublished());

        SimulatorChanges changes = sim.tick();
        Set<String> touched = changes.changes().stream()
                .flatMap(c -> java.util.stream.Stream.of(c.extensionId(), c.relatedExtensionId()))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        SweepOutcome afterTick = first.sweepOnce("acme");
        assertTrue(afterTick.extensionsPublished() + afterTick.deletionsPublished() > 0);
        assertTrue(afterTick.extensionsPublished() + afterTick.deletionsPublished() <= touched.size());
        first.close();

        Poller restarted = adminPoller(accountId);
        SweepOutcome afterRestart = restarted.sweepOnce("acme");
        assertTrue(afterRestart.completed(), afterRestart.failure());
        assertEquals(0, afterRestart.extensionsPublished());
        assertEquals(0, afterRestart.deletionsPublished());
        assertFalse(afterRestart.accountPublished());
        assertEquals(1, afterRestart.loginsPublished(), "its own new token is a login");
    }

    @Test
    void aDeletionIsPublishedOnceAfterACompleteSweepAndNeverAfterAFailedOne() throws InterruptedException {
        String accountId = startSimulator(102, 30);
        Poller poller = adminPoller(accountId);
        assertTrue(poller.sweepOnce("acme").completed());
        Set<String> departed = tickUntil(SimulatorChanges.Kind.DEPARTED).stream()
                .map(SimulatorChanges.Change::extensionId).collect(Collectors.toSet());

        sim.faults().malformedPage(1);
        SweepOutcome failed = poller.sweepOnce("acme");
        assertEquals(SweepOutcome.Status.FAILED, failed.status());
        assertEquals(0, failed.deletionsPublished());
        sim.faults().clear();
        sim.faults().serverErrors(10, 503, ".*/extension");
        assertEquals(0, poller.sweepOnce("acme").deletionsPublished());
        assertTrue(read(Topics.EXTENSIONS, s -> departed.contains(s.extensionId()) && s.deleted()).isEmpty());

        sim.faults().clear();
        SweepOutcome complete = poller.sweepOnce("acme");
        assertTrue(complete.completed(), complete.failure());
        assertEquals(departed.size(), complete.deletionsPublished());
        List<ConsumerRecord<String, ExtensionSnapshot>> deletions =
                read(Topics.EXTENSIONS, s -> departed.contains(s.extensionId()) && s.deleted());
        assertEquals(departed.size(), deletions.size());
        for (ConsumerRecord<String, ExtensionSnapshot> deletion : deletions) {
            ExtensionSnapshot before = latestBefore(deletion);
            assertEquals(before.asDeleted(deletion.value().observedAt()), deletion.value(),
                    "the last known attributes, marked deleted");
        }
        assertEquals(0, poller.sweepOnce("acme").deletionsPublished(), "already deleted");
    }

    @Test
    void aRecycledNumberMovesFromTheDepartedExtensionToItsNewHolder() throws InterruptedException {
        String accountId = startSimulator(103, 30);
        Poller poller = adminPoller(accountId);
        assertTrue(poller.sweepOnce("acme").completed());
        SimulatorChanges.Change recycled = tickUntil(SimulatorChanges.Kind.NUMBER_RECYCLED).get(0);

        assertTrue(poller.sweepOnce("acme").completed());
        ExtensionSnapshot oldHolder = latest(recycled.relatedExtensionId());
        ExtensionSnapshot newHolder = latest(recycled.extensionId());
        assertTrue(oldHolder.deleted());
        assertEquals(recycled.extensionNumber(), oldHolder.extensionNumber());
        assertFalse(newHolder.deleted());
        assertEquals(recycled.extensionNumber(), newHolder.extensionNumber());
    }

    @Test
    void aRejectedCredentialStopsOnlyThatConnection() throws InterruptedException {
        sim = RingCentralSimulator.start(SimulatorOptions.builder().accounts(2).extensionsPerAccount(10).seed(104)
                .build());
        String rejected = sim.accounts().get(0).accountId();
        String accepted = sim.accounts().get(1).accountId();
        sim.faults().rejectCredentials(rejected);
        Poller poller = poller(TestConnections.admin(sim, "rejected", rejected),
                TestConnections.admin(sim, "accepted", accepted));

        poller.start();
        await(() -> poller.isStopped("rejected") && poller.metrics().sweepsCompleted() >= 1);

        assertFalse(poller.isStopped("accepted"));
        assertEquals(SweepOutcome.Status.STOPPED, poller.sweepOnce("rejected").status());
        assertEquals(sim.extensions(accepted).size(), read(Topics.EXTENSIONS, s -> s.accountId().equals(accepted)).size());
        assertTrue(read(Topics.ACCOUNTS, a -> a.accountId().equals(rejected)).isEmpty());
        long tokenRequests = sim.requests().stream().filter(r -> r.pathAndQuery().startsWith("/restapi/oauth/token")).count();
        assertEquals(2, tokenRequests, "one attempt each; the rejected one is not retried");
    }

    @Test
    void closeInterruptsASweepWaitingOutAPenalty() throws InterruptedException {
        sim = RingCentralSimulator.start(SimulatorOptions.builder().accounts(1).extensionsPerAccount(10).seed(105)
                .rateLimitPenalty(Duration.ofSeconds(60)).build());
        sim.faults().rateLimitBurst(RateLimitGroup.MEDIUM, 1);
        Poller poller = Poller.create(List.of(TestConnections.admin(sim, "acme", sim.accounts().get(0).accountId())),
                TestConnections.FAST.withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofMinutes(5), Duration.ofSeconds(60))), kafka, Clock.systemUTC());
        pollers.add(poller);

        poller.start();
        await(() -> sim.requests().stream().anyMatch(r -> r.status() == 429));
        poller.close();

        assertTrue(poller.terminated(), "the sweep waiting for the penalty was interrupted");
        assertEquals(0, poller.metrics().sweepsCompleted());
    }

    private List<SimulatorChanges.Change> tickUntil(SimulatorChanges.Kind kind) {
        List<SimulatorChanges.Change> departed = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            SimulatorChanges changes = sim.tick();
            departed.addAll(changes.of(SimulatorChanges.Kind.DEPARTED));
            if (!changes.of(kind).isEmpty()) {
                return kind == SimulatorChanges.Kind.DEPARTED ? departed : changes.of(kind);
            }
        }
        return fail("no " + kind + " in 200 ticks");
    }

    private ExtensionSnapshot latest(String extensionId) {
        List<ConsumerRecord<String, ExtensionSnapshot>> records = read(Topics.EXTENSIONS,
                s -> s.extensionId().equals(extensionId));
        return records.get(records.size() - 1).value();
    }

    private ExtensionSnapshot latestBefore(ConsumerRecord<String, ExtensionSnapshot> record) {
        return read(Topics.EXTENSIONS, s -> s.extensionId().equals(record.key())).stream()
                .filter(r -> r.offset() < record.offset())
                .reduce((a, b) -> b).orElseThrow().value();
    }

    private static <V> ConsumerRecord<String, V> single(List<ConsumerRecord<String, V>> records) {
        assertEquals(1, records.size(), () -> records.toString());
        return records.get(0);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("condition not met within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Everything in the topic, in offset order per partition, whose value matches. */
    private static <V> List<ConsumerRecord<String, V>> read(Topic<String, V> topic, Predicate<V> filter) {
        List<ConsumerRecord<String, V>> matching = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> raw : readAll(topic.name())) {
            V value = topic.valueSerde().deserializer().deserialize(topic.name(), raw.value());
            if (value != null && filter.test(value)) {
                matching.add(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                        raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(),
                        new String(raw.key(), StandardCharsets.UTF_8), value, raw.headers(), raw.leaderEpoch()));
            }
        }
        return matching;
    }

    private static String readRaw(String topic) {
        return readAll(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    fail("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
