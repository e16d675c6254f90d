package dev.rcidentity.contract;

import com.networknt.schema.Error;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a run left in a topic, checked record by record against the topic's schema. */
public final class PublishedRecords {
    private static final int REPORTED = 5;

    private PublishedRecords() {
    }

    /**
     * Reads {@code topic} from the beginning to its end (read_committed, as consumers are told to) and checks every
     * key and value against {@code topics/schemas}.
     *
     * @return how many records were read
     * @throws AssertionError naming the first few records that break the contract, or when the end is not reached
     *                        before {@code timeout}
     */
    public static int assertAllMatchTheirSchema(String bootstrapServers, String topic, Duration timeout) {
        List<String> violations = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> records = readToEnd(bootstrapServers, topic, timeout);
        for (ConsumerRecord<String, byte[]> record : records) {
            List<Error> errors = TopicSchemas.errors(topic, record.key(), record.value());
            if (!errors.isEmpty() && violations.size() < REPORTED) {
                violations.add(record.partition() + "@" + record.offset() + " key " + record.key() + ": " + errors);
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("records in " + topic + " break its schema: " + violations);
        }
        return records.size();
    }

    private static List<ConsumerRecord<String, byte[]>> readToEnd(String bootstrapServers, String topic, Duration timeout) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!partitions.stream().allMatch(p -> consumer.position(p, timeout) >= end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(topic + ": end " + end + " not reached in " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }
}
