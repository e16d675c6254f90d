package dev.rcidentity.kafka;

import dev.rcidentity.model.AccountSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A second start on the same log directory (a second {@code demo} on the same DATA_DIR) continues with its data. */
class EmbeddedKafkaBrokerRestartIT {
    @Test
    void aRestartOnTheSameDirectoryKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
        Instant t = Instant.parse("2026-03-01T09:00:00Z");
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 2)) {
            kafka.send(Topics.ACCOUNTS, List.of(Map.entry("1", new AccountSnapshot("1", "Acme", null, null, null, t))), t);
        }
        try (KafkaTestCluster again = KafkaTestCluster.start(dir, 2)) {
            List<ConsumerRecord<String, AccountSnapshot>> read = again.readUntil(Topics.ACCOUNTS, r -> !r.isEmpty(),
                    Duration.ofSeconds(30));
            assertEquals(1, read.size());
            assertEquals("Acme", read.get(0).value().companyName());
        }
    }
}
