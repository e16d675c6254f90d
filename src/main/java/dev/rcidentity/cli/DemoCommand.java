package dev.rcidentity.cli;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import dev.rcidentity.kafka.Settings;
import dev.rcidentity.kafka.SettingsException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/** {@code demo}: everything on one machine, embedded where nothing else is configured. */
final class DemoCommand implements Command {
    static final int DEFAULT_EMBEDDED_PORT = 9092;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the whole pipeline on this machine, with an embedded Kafka broker (start here)";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar demo [--config FILE] [--KEY=VALUE ...]

                Starts a real single-node Kafka broker in-process (unless KAFKA_BOOTSTRAP_SERVERS is set),
                creates the topics and runs the identity topology. Prints where to look; Ctrl-C stops it.
                A second run on the same DATA_DIR continues where the first stopped.

                Settings:
                  KAFKA_BOOTSTRAP_SERVERS   use this cluster instead of the embedded broker
                  EMBEDDED_KAFKA_PORT       where the embedded broker listens on 127.0.0.1 (default 9092)
                  DATA_DIR                  broker log directory and streams state (default ./data)
                  TOPIC_PARTITIONS          partitions of the topics it creates (default 6)
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            String bootstrap = settings.bootstrapServers().orElse(null);
            if (bootstrap == null) {
                int port = settings.getInt(Settings.EMBEDDED_KAFKA_PORT, DEFAULT_EMBEDDED_PORT, 1, 65_535);
                requireFree(port);
                Path logDir = settings.dataDir().resolve("kafka");
                console.out().println("Starting an embedded Kafka broker on 127.0.0.1:" + port + " (data in " + logDir + ") ...");
                bootstrap = lifecycle.add(EmbeddedKafkaBroker.start(logDir, port)).bootstrapServers();
            }
            console.out().println("Topics on " + bootstrap + ":");
            TopicsCommand.ensure(settings, bootstrap, console);
            StreamsService streams = lifecycle.add(StreamsService.start(settings, bootstrap, lifecycle::fail));
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                lifecycle.fail("Kafka Streams did not reach RUNNING within 2 minutes");
            } else {
                console.out().println(readyMessage(bootstrap));
            }
            return lifecycle.awaitStop();
        }
    }

    static String readyMessage(String bootstrap) {
        return """

                rc-identity demo is running.
                  Kafka bootstrap: %1$s   (any Kafka client can read the topics)
                  Identity table:  kcat -b %1$s -t rc.identities.v1 -C -X isolation.level=read_committed -f '%%k %%s\\n'
                  Topics check:    KAFKA_BOOTSTRAP_SERVERS=%1$s java -jar target/rc-identity.jar topics
                Press Ctrl-C to stop.
                """.formatted(bootstrap);
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new SettingsException("port " + port + " on 127.0.0.1 is in use: stop what listens there or set "
                    + "EMBEDDED_KAFKA_PORT (or KAFKA_BOOTSTRAP_SERVERS to use a running cluster)");
        }
    }
}
