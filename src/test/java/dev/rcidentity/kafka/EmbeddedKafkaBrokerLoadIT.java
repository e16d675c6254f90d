package dev.rcidentity.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded broker under load: a million ~300-byte records from three idempotent producers flooding it from the
 * same JVM, unbatched, must all arrive exactly once with no send errors (an early trial saw
 * OUT_OF_ORDER_SEQUENCE_NUMBER). This is the evidence for running the broker in-process rather than in a child JVM.
 */
class EmbeddedKafkaBrokerLoadIT {
    private static final int RECORDS = 1_000_000;
    private static final int PRODUCERS = 3;

    @Test
    void aMillionRecordsArriveExactlyOnce(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicProvisioner(admin, 6, Optional.empty()).ensure(List.of(
                    new TopicDefinition("load", OptionalInt.empty(), Map.of("cleanup.policy", "delete"))));

            byte[] value = ("{\"accountId\":\"400000001\",\"extensionId\":\"%s\",\"name\":\"Someone With A Long Name\","
                    + "\"type\":\"User\",\"status\":\"Enabled\",\"admin\":false,\"hidden\":false,\"contact\":{\"firstName\":"
                    + "\"Some\",\"lastName\":\"One\",\"email\":\"someone@example.com\",\"department\":\"Sales\"},"
                    + "\"observedAt\":\"2026-11-24T10:00:00Z\",\"deleted\":false}").getBytes(StandardCharsets.UTF_8);
            ConcurrentLinkedQueue<Exception> errors = new ConcurrentLinkedQueue<>();
            AtomicLong acked = new AtomicLong();
            Map<String, Object> producerProps = Map.of(
                    "bootstrap.servers", broker.bootstrapServers(),
                    "enable.idempotence", "true", "acks", "all",
                    "linger.ms", "0", "buffer.memory", String.valueOf(64 * 1024 * 1024));
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int first = p;
                producers.add(new Thread(() -> {
                    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
                        for (int i = first; i < RECORDS; i += PRODUCERS) {
                            producer.send(new ProducerRecord<>("load", Integer.toString(i), value), (metadata, e) -> {
                                if (e != null) {
                                    errors.add(e);
                                } else {
                                    acked.incrementAndGet();
                                }
                            });
                        }
                        producer.flush();
                    }
                }, "load-producer-" + p));
            }
            producers.forEach(Thread::start);
            for (Thread producer : producers) {
                producer.join();
            }
            assertTrue(errors.isEmpty(), () -> errors.size() + " send errors, first: " + errors.peek());
            assertEquals(RECORDS, acked.get());

            BitSet seen = new BitSet(RECORDS);
            long received = 0;
            Map<String, Object> consumerProps = Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "group.id", "load-check", "auto.offset.reset", "earliest", "max.poll.records", "5000");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("load"));
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                while (received < RECORDS && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        int i = Integer.parseInt(record.key());
                        assertTrue(!seen.get(i), "duplicate record " + i);
                        seen.set(i);
                        received++;
                    }
                }
            }
            assertEquals(RECORDS, received);
            assertEquals(RECORDS, seen.cardinality());
        }
    }
}
