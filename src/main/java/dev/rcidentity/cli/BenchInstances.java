package dev.rcidentity.cli;

import dev.rcidentity.bench.AppLauncher;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * The bench's instances, started by {@link Assembly} like {@code streams} starts one: the same streams service, HTTP
 * server and routes. No standby replicas (the bench measures the active path), and a joining instance takes its tasks
 * at once instead of warming up replicas first.
 */
public final class BenchInstances implements AppLauncher {
    @Override
    public App start(String bootstrapServers, String applicationId, Path stateDir, int httpPort) throws Exception {
        Settings settings = Settings.of(Map.of(
                SettingKeys.APPLICATION_ID.key(), applicationId,
                SettingKeys.STATE_DIR.key(), stateDir.toString(),
                SettingKeys.HTTP_HOST.key(), "127.0.0.1",
                SettingKeys.HTTP_PORT.key(), String.valueOf(httpPort),
                SettingKeys.APPLICATION_SERVER.key(), "127.0.0.1:" + httpPort,
                SettingKeys.NUM_STANDBY_REPLICAS.key(), "0",
                "kafka." + StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, String.valueOf(Long.MAX_VALUE)));
        Lifecycle lifecycle = new Lifecycle();
        try {
            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrapServers);
            assembly.startApi(bootstrapServers);
            return new App() {
                @Override
                public KafkaStreams streams() {
                    return streams.streams();
                }

                @Override
                public void close() {
                    lifecycle.close();
                }
            };
        } catch (Exception | Error e) {
            lifecycle.close();
            throw e;
        }
    }

    @Override
    public AutoCloseable startPoller(String bootstrapServers, Map<String, String> values) throws Exception {
        Settings settings = Settings.of(values);
        Lifecycle lifecycle = new Lifecycle();
        try {
            Assembly assembly = new Assembly(settings, lifecycle);
            assembly.startPoller(ConnectionsReader.read(settings), bootstrapServers,
                    OptionsFromSettings.requireCredentialKeys(settings, "the bench's poller imports its connections"));
            assembly.startApi(bootstrapServers);
            return lifecycle::close;
        } catch (Exception | Error e) {
            lifecycle.close();
            throw e;
        }
    }
}
