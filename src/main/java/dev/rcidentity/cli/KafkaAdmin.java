package dev.rcidentity.cli;

import dev.rcidentity.kafka.Settings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;

/** Admin clients built from the settings (every KAFKA_* key) and a bootstrap address. */
final class KafkaAdmin {
    private KafkaAdmin() {
    }

    static Admin create(Settings settings, String bootstrapServers) {
        Map<String, Object> props = new HashMap<>(settings.kafkaClientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(props);
    }
}
