package dev.rcidentity.cli;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code topics} command against a real broker: create, verify, refuse what contradicts the definitions. */
class TopicsCommandIT {
    @TempDir
    Path dir;
    EmbeddedKafkaBroker broker;

    @BeforeEach
    void startBroker() {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    record Result(int exit, String out, String err) {
    }

    private static Result topics(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"topics"}, env,
                new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsEveryTopicThenFindsThemPresentAndChangesNothing() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "TOPIC_PARTITIONS", "4");
        Result first = topics(env);
        assertEquals(0, first.exit(), first.err());
        for (String topic : List.of("rc.accounts.v1", "rc.extensions.v1", "rc.logins.v1", "rc.identities.v1",
                "rc.extension-history.v1", "rc.dead-letters.v1", "rc.connections.v1", "rc.notifications.v1")) {
            assertTrue(first.out().lines().anyMatch(l -> l.contains(topic) && l.contains("created") && l.contains("4 partitions")),
                    first.out());
        }
        Result second = topics(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "TOPIC_PARTITIONS", "8"));
        assertEquals(0, second.exit(), second.err());
        assertFalse(second.out().contains("created"), second.out());
        assertEquals(8, second.out().lines().filter(l -> l.contains("present") && l.contains("4 partitions")).count(), second.out());
    }

    @Test
    void aWrongCleanupPolicyOrUnequalCoPartitionedTopicsStopItWithTheTopicNamed() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic("rc.extensions.v1", 3, (short) 1).configs(Map.of("cleanup.policy", "delete")),
                    new NewTopic("rc.logins.v1", 2, (short) 1))).all().get();
        }
        Result result = topics(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("rc.extensions.v1: cleanup.policy is 'delete', expected 'compact'"), result.err());
        assertTrue(result.err().contains("rc.extensions.v1 has 3 partitions, rc.logins.v1 has 2 partitions"), result.err());
    }
}
