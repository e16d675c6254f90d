package dev.rcidentity.bench;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.TopicDefinition;
import dev.rcidentity.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The bench's own embedded broker, with the helpers every step needs: topics, clients, offsets. */
final class BenchKafka implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafkaBroker broker;
    private final KafkaClients clients;
    private final Admin admin;
    private final int partitions;

    private BenchKafka(EmbeddedKafkaBroker broker, KafkaClients clients, Admin admin, int partitions) {
        this.broker = broker;
        this.clients = clients;
        this.admin = admin;
        this.partitions = partitions;
    }

    /** Starts a broker in {@code dir} and creates the contract's topics with {@code partitions} partitions. */
    static BenchKafka start(Path dir, int partitions) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        KafkaClients clients = KafkaClients.of(Map.of(), broker.bootstrapServers());
        Admin admin = Admin.create(clients.admin());
        try {
            new TopicProvisioner(admin, partitions, Optional.empty()).ensure(TopicDefinition.bundled());
        } catch (RuntimeException e) {
            admin.close();
            broker.close();
            throw e;
        }
        return new BenchKafka(broker, clients, admin, partitions);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Client configurations as production makes them, for this broker. */
    KafkaClients clients() {
        return clients;
    }

    int partitions() {
        return partitions;
    }

    /** A plain topic (for the floors), waiting until every partition has a leader. */
    void createTopic(String name) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + name + ": " + e.getMessage(), e);
        }
        new TopicProvisioner(admin, partitions, Optional.empty()).awaitLeaders(List.of(name));
    }

    /**
     * The bench's loading producer: the production producer with lz4 and large batches, so that loading a million
     * records takes seconds.
     */
    <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values, int lingerMs) {
        Map<String, Object> props = clients.producer("bench-loader", Duration.ofMinutes(2));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return new KafkaProducer<>(props, keys, values);
    }

    /** A consumer outside any group (assign, not subscribe); read_committed like every downstream reader. */
    <K, V> KafkaConsumer<K, V> consumer(Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = clients.readCommittedConsumer("bench-reader");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(props, keys, values);
    }

    List<TopicPartition> partitionsOf(String topic) {
        return IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> request = topics.stream().flatMap(t -> partitionsOf(t).stream())
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            result.forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list offsets of " + topics + ": " + e.getMessage(), e);
        }
    }

    /** The repartition topics of a Streams application. */
    List<String> repartitionTopics(String applicationId) {
        try {
            return admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list topics: " + e.getMessage(), e);
        }
    }

    Map<TopicPartition, Long> committedOffsets(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((tp, om) -> {
                if (om != null) {
                    offsets.put(tp, om.offset());
                }
            });
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code group} has committed every offset up to {@code targets} (input topics written by a
     * non-transactional producer, so the end offsets carry no transaction markers); returns System.nanoTime() then.
     */
    long awaitCommitted(String group, Map<TopicPartition, Long> targets, Duration timeout) throws InterruptedException {
        return awaitCommitted(group, targets, 0, timeout);
    }

    /**
     * As {@link #awaitCommitted(String, Map, Duration)}, allowing each partition to stay {@code slack} offsets short:
     * a topic written by a transactional producer ends with a commit marker that no consumer commits past.
     */
    long awaitCommitted(String group, Map<TopicPartition, Long> targets, long slack, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> committed = committedOffsets(group);
            boolean done = targets.entrySet().stream()
                    .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue() - slack);
            long now = System.nanoTime();
            if (done) {
                return now;
            }
            if (now > deadline) {
                long behind = targets.entrySet().stream()
                        .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L))).sum();
                throw new IllegalStateException("Group " + group + " is still " + behind + " records behind after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
        broker.close();
    }
}
