package dev.rcidentity.bench;

import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts instances of the application (the topology and its HTTP API) wired exactly as the commands wire them. The
 * command line supplies it: the bench measures the production wiring but cannot see the package that holds it.
 */
public interface AppLauncher {
    /** An instance of {@code applicationId} with its own state directory, its HTTP API on {@code 127.0.0.1:httpPort}. */
    App start(String bootstrapServers, String applicationId, Path stateDir, int httpPort) throws Exception;

    /**
     * A poller and its HTTP API (login ingest, the webhook receiver), wired as the {@code poller} command wires them,
     * with these settings (the connections file, the credentials key, the poll interval, {@code WEBHOOK_BASE_URL}...).
     */
    AutoCloseable startPoller(String bootstrapServers, Map<String, String> settings) throws Exception;

    /** A running instance. */
    interface App extends AutoCloseable {
        KafkaStreams streams();

        @Override
        void close();
    }
}
