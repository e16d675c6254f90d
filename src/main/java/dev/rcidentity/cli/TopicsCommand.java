package dev.rcidentity.cli;

import dev.rcidentity.kafka.Settings;
import dev.rcidentity.kafka.TopicDefinition;
import dev.rcidentity.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

import java.util.List;
import java.util.Optional;

/** {@code topics}: create what is missing, verify what exists, change nothing that exists. */
final class TopicsCommand implements Command {
    static final int DEFAULT_PARTITIONS = 6;

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public String summary() {
        return "create the missing topics and verify the existing ones (from topics/)";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar topics [--config FILE] [--KEY=VALUE ...]

                Creates the contract's topics that are missing, as topics/*.properties defines them, and
                verifies the ones that exist. It never alters an existing topic: a wrong cleanup policy, or
                rc.extensions.v1 and rc.logins.v1 with different partition counts, stop it (exit 1) with a
                message naming the topic, what it found and what it expected. Running it twice changes nothing.

                Settings:
                  KAFKA_BOOTSTRAP_SERVERS    the cluster (required)
                  TOPIC_PARTITIONS           partitions of the topics it creates (default 6)
                  TOPIC_REPLICATION_FACTOR   replication of the topics it creates (default: the broker's)
                  KAFKA_*                    any other Kafka client setting (KAFKA_SECURITY_PROTOCOL, ...)
                """;
    }

    @Override
    public int run(Settings settings, Console console) {
        String bootstrap = settings.require(Settings.KAFKA_BOOTSTRAP_SERVERS, "topics needs a Kafka cluster");
        ensure(settings, bootstrap, console);
        return Main.OK;
    }

    static List<TopicProvisioner.Outcome> ensure(Settings settings, String bootstrapServers, Console console) {
        int partitions = settings.getInt(Settings.TOPIC_PARTITIONS, DEFAULT_PARTITIONS, 1, 10_000);
        int replication = settings.getInt(Settings.TOPIC_REPLICATION_FACTOR, -1, -1, Short.MAX_VALUE);
        Optional<Short> replicationFactor = replication < 0 ? Optional.empty() : Optional.of((short) replication);
        try (Admin admin = KafkaAdmin.create(settings, bootstrapServers)) {
            List<TopicProvisioner.Outcome> outcomes = new TopicProvisioner(admin, partitions, replicationFactor)
                    .ensure(TopicDefinition.bundled());
            outcomes.forEach(o -> console.out().println("  " + o.describe()));
            return outcomes;
        }
    }
}
