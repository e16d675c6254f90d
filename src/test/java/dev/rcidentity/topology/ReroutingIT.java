package dev.rcidentity.topology;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Resolution;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logins and snapshots from a producer that partitions like librdkafka (CRC32) on a real broker with exactly-once:
 * every identity resolves as if a Java client had written them, and the re-routed records are counted in the
 * metrics /metrics exposes. Each extension's older snapshot comes from the CRC32 producer and its newer one from a
 * Java producer, so a re-routed snapshot usually reaches its task after a newer one: the identity must not care.
 */
class ReroutingIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int PARTITIONS = 4;
    private static final int EXTENSIONS = 100;
    private static final String ACCOUNT = "900001";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsOfACrc32ProducerResolveEveryIdentityAndTheMisroutedOnesAreCounted() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EXTENSIONS; i++) {
            ids.add(Long.toString(900_101 + i));
        }
        long misrouted = ids.stream().filter(id -> crc32Partition(id) != javaPartition(id)).count();
        assertTrue(misrouted > EXTENSIONS / 2, "most keys land elsewhere under CRC32: " + misrouted);

        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, PARTITIONS)) {
            kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT,
                    new AccountSnapshot(ACCOUNT, "Acme", "+16505550100", "Confirmed", "RingCentral", T0))), T0);
            sendWithCrc32(kafka, Topics.EXTENSIONS, ids, id -> snapshot(id, "1", "Old " + id, T0.plusSeconds(10)));
            sendWithCrc32(kafka, Topics.LOGINS, ids, id -> new LoginEvent(id, null, T0.plusSeconds(20),
                    LoginEvent.SOURCE_INGEST, null, null, null, null));
            kafka.send(Topics.EXTENSIONS, ids.stream().map(id -> Map.entry(id, snapshot(id, "2", "New " + id,
                    T0.plusSeconds(30)))).toList(), T0.plusSeconds(30));

            Properties config = KafkaClients.of(Map.of("commit.interval.ms", "100"), kafka.bootstrapServers())
                    .streams(new StreamsOptions("rerouting-it", dir.resolve("state"), "127.0.0.1:8080", 1));
            KafkaStreams streams = new KafkaStreams(IdentityTopology.buildTopology(
                    TopologyOptions.defaults().withPartitions(PARTITIONS), config), config);
            try {
                streams.start();
                Map<String, Identity> table = toTable(kafka.readUntil(Topics.IDENTITIES,
                        records -> ids.stream().allMatch(id -> complete(toTable(records).get(id))), WAIT));
                for (String id : ids) {
                    Identity identity = table.get(id);
                    assertTrue(complete(identity), id + ": " + identity);
                    assertEquals("New " + id, identity.name(), "the newer snapshot stays current");
                    assertEquals(1, identity.loginCount());
                    assertEquals("Acme", identity.account().companyName());
                }

                String scrape = scrape(streams);
                assertEquals(misrouted, reroutedTotal(scrape, Topics.LOGINS.name()), scrape);
                assertEquals(misrouted, reroutedTotal(scrape, Topics.EXTENSIONS.name()), scrape);
            } finally {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /** Resolved, with the number of the snapshot valid at the login: both of the extension's snapshots arrived. */
    private static boolean complete(Identity identity) {
        return identity != null && identity.resolution() == Resolution.RESOLVED && identity.account() != null
                && ("1" + identity.ownerId()).equals(identity.extensionNumberAtLogin())
                && ("2" + identity.ownerId()).equals(identity.extensionNumber());
    }

    private static <V> void sendWithCrc32(KafkaTestCluster kafka, Topic<String, V> topic, List<String> ids,
                                          Function<String, V> value) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (String id : ids) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), id, value.apply(id))));
            }
            for (Future<?> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static ExtensionSnapshot snapshot(String id, String numberPrefix, String name, Instant observedAt) {
        return new ExtensionSnapshot(ACCOUNT, id, numberPrefix + id, name, "User", null, "Enabled", false, false, null,
                null, null, false, observedAt);
    }

    /** The Prometheus text /metrics serves, from the same binder the application uses. */
    private static String scrape(KafkaStreams streams) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams)) {
            metrics.bindTo(registry);
            return registry.scrape();
        }
    }

    private static long reroutedTotal(String scrape, String topic) {
        return Math.round(scrape.lines()
                .filter(line -> line.startsWith("kafka_stream_input_topic_records_rerouted_total{")
                        && line.contains("input_topic_id=\"" + topic + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum());
    }

    private static Map<String, Identity> toTable(List<ConsumerRecord<String, Identity>> records) {
        Map<String, Identity> table = new HashMap<>();
        records.forEach(r -> table.put(r.key(), r.value()));
        return table;
    }

    private static int crc32Partition(String id) {
        return Crc32Partitioner.partitionOf(id.getBytes(StandardCharsets.UTF_8), PARTITIONS);
    }

    private static int javaPartition(String id) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
