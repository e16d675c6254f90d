package dev.rcidentity.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An embedded broker with the contract's topics, and typed helpers to write and read them in tests. */
public final class KafkaTestCluster implements AutoCloseable {
    private final AutoCloseable nodes;
    private final String bootstrapServers;

    private KafkaTestCluster(AutoCloseable nodes, String bootstrapServers) {
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker in {@code dir} and creates every contract topic with {@code partitions} partitions. */
    public static KafkaTestCluster start(Path dir, int partitions) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, partitions, Optional.empty()).ensure(TopicDefinition.bundled());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new KafkaTestCluster(broker, broker.bootstrapServers());
    }

    /** The contract's topics on three nodes, replicated three times; closing this closes the nodes. */
    public static KafkaTestCluster onThreeNodes(ThreeNodeKafka nodes, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", nodes.bootstrapServers()))) {
            new TopicProvisioner(admin, partitions, Optional.of((short) 3)).ensure(TopicDefinition.bundled());
        }
        return new KafkaTestCluster(nodes, nodes.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Writes records and waits for their acknowledgement; timestamps are the given event times. */
    public <V> void send(Topic<String, V> topic, List<Map.Entry<String, V>> records, Instant timestamp) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers(),
                "enable.idempotence", "true", "acks", "all"), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (Map.Entry<String, V> record : records) {
                producer.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), record.getKey(), record.getValue()))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Writes raw bytes, as a foreign producer would. */
    public void sendRaw(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(), value)).get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads {@code topic} from the beginning with a plain read_committed consumer until {@code done} holds for what
     * was read, or the deadline passes; returns everything read.
     */
    public <K, V> List<ConsumerRecord<K, V>> readUntil(Topic<K, V> topic, Predicate<List<ConsumerRecord<K, V>>> done,
                                                        Duration timeout) {
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrapServers(),
                "group.id", "test-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed", "enable.auto.commit", "false");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(read) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /** Raw bytes with headers, for the dead-letter topic. */
    public List<ConsumerRecord<byte[], byte[]>> readRawUntil(String topic, int count, Duration timeout) {
        return readUntil(new Topic<>(topic, Serdes.ByteArray(), Serdes.ByteArray()), r -> r.size() >= count, timeout);
    }

    /**
     * Every record of every topic, Kafka's internal ones included ({@code __consumer_offsets}, transaction state,
     * changelogs), aborted transactions' records too, as they are on the broker now.
     */
    public List<ConsumerRecord<byte[], byte[]>> readEverything(Duration timeout) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers(),
                     "isolation.level", "read_uncommitted", "enable.auto.commit", "false"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read every topic to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    @Override
    public void close() {
        try {
            nodes.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the test cluster", e);
        }
    }
}
