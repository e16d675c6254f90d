package dev.rcidentity.poller;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads every record of every topic on a broker, internal ones included, and looks for secrets in its bytes. */
final class TopicScan {
    private TopicScan() {
    }

    /** {@code control}: a string some record holds in clear (a connection name), proving the scan sees the values. */
    static void assertNoneContains(String bootstrapServers, Collection<String> secrets, String control,
                                   Duration timeout) {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        boolean controlSeen = false;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                     "isolation.level", "read_uncommitted"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            for (String topic : topics) {
                for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, topic, timeout)) {
                    scanned++;
                    String text = text(record);
                    controlSeen |= text.contains(control);
                    for (String secret : secrets) {
                        if (text.contains(secret)) {
                            found.add(topic + "-" + record.partition() + "@" + record.offset());
                        }
                    }
                }
            }
        } catch (Exception e) {
            fail("cannot scan the topics: " + e);
        }
        if (!controlSeen) {
            fail("the scan of " + scanned + " records did not see '" + control + "': it does not read the values");
        }
        assertEquals(List.of(), found, "records holding a token or secret (of " + scanned + " scanned)");
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                               Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() - deadline > 0) {
                fail("could not read " + topic + " to its end");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        if (record.key() != null) {
            text.append(new String(record.key(), StandardCharsets.ISO_8859_1)).append('\n');
        }
        if (record.value() != null) {
            text.append(new String(record.value(), StandardCharsets.ISO_8859_1)).append('\n');
        }
        for (Header header : record.headers()) {
            text.append(header.key()).append(new String(header.value() == null ? new byte[0] : header.value(),
                    StandardCharsets.ISO_8859_1)).append('\n');
        }
        return text.toString();
    }
}
