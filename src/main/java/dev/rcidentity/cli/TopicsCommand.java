package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.kafka.TopicDefinition;
import dev.rcidentity.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code topics}: create what is missing, verify what exists, change nothing that exists. */
final class TopicsCommand implements Command {
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

                Creates the contract's topics that are missing, as topics/*.properties defines them, and the
                application's internal <APPLICATION_ID>-connection-status (the poller's status of each
                connection, compacted, one partition), and verifies the ones that exist. It never alters an existing topic: a wrong cleanup policy, or
                rc.extensions.v1 and rc.logins.v1 with different partition counts, stop it (exit 1) with a
                message naming the topic, what it found and what it expected. Running it twice changes nothing.
                """ + HelpText.settings(true, SettingKeys.KAFKA_BOOTSTRAP_SERVERS, SettingKeys.TOPIC_PARTITIONS,
                SettingKeys.TOPIC_REPLICATION_FACTOR, SettingKeys.APPLICATION_ID);
    }

    @Override
    public int run(Settings settings, Console console) {
        String bootstrap = settings.require(SettingKeys.KAFKA_BOOTSTRAP_SERVERS, "topics needs a Kafka cluster");
        ensure(settings, bootstrap, console);
        return Main.OK;
    }

    static List<TopicProvisioner.Outcome> ensure(Settings settings, String bootstrapServers, Console console) {
        int partitions = settings.get(SettingKeys.TOPIC_PARTITIONS);
        Optional<Short> replicationFactor = settings.find(SettingKeys.TOPIC_REPLICATION_FACTOR)
                .filter(replication -> replication >= 0).map(Integer::shortValue);
        try (Admin admin = Admin.create(OptionsFromSettings.kafka(settings, bootstrapServers).admin())) {
            List<TopicDefinition> definitions = new ArrayList<>(TopicDefinition.bundled());
            definitions.addAll(TopicDefinition.internal(settings.get(SettingKeys.APPLICATION_ID)));
            List<TopicProvisioner.Outcome> outcomes = new TopicProvisioner(admin, partitions, replicationFactor)
                    .ensure(definitions);
            outcomes.forEach(o -> console.out().println("  " + o.describe()));
            return outcomes;
        }
    }
}
