package dev.rcidentity.cli;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import dev.rcidentity.kafka.Settings;
import dev.rcidentity.kafka.SettingsException;
import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** {@code demo}: everything on one machine, embedded where nothing else is configured. */
final class DemoCommand implements Command {
    static final int DEFAULT_EMBEDDED_PORT = 9092;
    static final Duration DEMO_POLL_INTERVAL = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the whole pipeline on this machine, with an embedded Kafka broker and RingCentral simulator (start here)";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar demo [--config FILE] [--KEY=VALUE ...]

                Starts a real single-node Kafka broker in-process (unless KAFKA_BOOTSTRAP_SERVERS is set), the
                built-in RingCentral simulator (unless RingCentral credentials are set), creates the topics,
                and runs the poller, the topology and the HTTP API. Simulated users log in every few seconds and
                are reported to POST /v1/logins, as an integration would. Prints where to look and curl examples;
                Ctrl-C stops it. A second run on the same DATA_DIR continues where the first stopped.

                Settings:
                  KAFKA_BOOTSTRAP_SERVERS   use this cluster instead of the embedded broker
                  EMBEDDED_KAFKA_PORT       where the embedded broker listens on 127.0.0.1 (default 9092)
                  DATA_DIR                  broker log directory and streams state (default ./data)
                  RC_CLIENT_ID, RC_CLIENT_SECRET, RC_JWT or RC_CONNECTIONS_FILE   poll real RingCentral accounts
                  SIMULATOR_ACCOUNTS / SIMULATOR_EXTENSIONS   simulator size (default 3 / 200)
                  POLL_INTERVAL             between sweeps (default PT30S in the demo)
                  HTTP_HOST / HTTP_PORT     where the HTTP API listens (default 127.0.0.1:8080)
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
                settings = settings.with(Settings.KAFKA_BOOTSTRAP_SERVERS, bootstrap);
            }
            if (settings.get(Settings.POLL_INTERVAL).isEmpty()) {
                settings = settings.with(Settings.POLL_INTERVAL, DEMO_POLL_INTERVAL.toString());
            }
            RingCentralSimulator simulator = null;
            if (ConnectionSettings.fromSettings(settings).isEmpty()) {
                simulator = lifecycle.add(SimulatorCommand.start(settings));
                lifecycle.add(SimulatorCommand.rememberRound(simulator, settings));
                Path connections = SimulatorCommand.writeConnections(simulator, settings);
                settings = settings.with(ConnectionSettings.RC_CONNECTIONS_FILE, connections.toString());
                console.out().println("RingCentral simulator on " + simulator.baseUrl() + " with "
                        + simulator.accounts().size() + " accounts (no RingCentral credentials are set)");
            }
            console.out().println("Topics on " + bootstrap + ":");
            TopicsCommand.ensure(settings, bootstrap, console);

            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrap);
            assembly.startPoller(settings);
            ApiServer api = assembly.startApi(bootstrap);
            String apiBase = "http://" + settings.get(Settings.HTTP_HOST, "127.0.0.1") + ":" + api.port();
            if (simulator != null) {
                lifecycle.add(new DemoLogins(simulator, URI.create(apiBase), settings.get(Settings.API_TOKEN).orElse(null)))
                        .start(Duration.ofSeconds(2));
            }
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                lifecycle.fail("Kafka Streams did not reach RUNNING within 2 minutes");
            } else {
                console.out().println(readyMessage(bootstrap, apiBase, settings.get(Settings.API_TOKEN).isPresent(), simulator));
            }
            return lifecycle.awaitStop();
        }
    }

    static String readyMessage(String bootstrap, String api, boolean token, RingCentralSimulator simulator) {
        String account = "<accountId>";
        String extension = "<extensionId>";
        String number = "<extensionNumber>";
        if (simulator != null) {
            account = simulator.accounts().get(0).accountId();
            for (SimulatedExtension e : simulator.extensions(account)) {
                if (!e.id().equals(e.accountId()) && "User".equals(e.type()) && e.extensionNumber() != null) {
                    extension = e.id();
                    number = e.extensionNumber();
                    break;
                }
            }
        }
        String curl = token ? "curl -s -H \"Authorization: Bearer $API_TOKEN\"" : "curl -s";
        return """

                rc-identity demo is running.
                  Kafka bootstrap: %1$s   (any Kafka client can read the topics)
                  Identity table:  kcat -b %1$s -t rc.identities.v1 -C -X isolation.level=read_committed -f '%%k %%s\\n'
                  HTTP API:        %2$s   (the first sweep takes a few seconds)

                  %3$s %2$s/v1/identities/%4$s                      # the account's main admin (accountRoot)
                  %3$s %2$s/v1/extensions/%5$s
                  %3$s %2$s/v1/extensions/%5$s/history
                  %3$s %2$s/v1/accounts/%4$s
                  %3$s '%2$s/v1/accounts/%4$s/extensions?status=Enabled&type=User&page=1&perPage=5'
                  %3$s %2$s/v1/accounts/%4$s/extension-numbers/%6$s
                  %3$s -X POST %2$s/v1/logins -H 'Content-Type: application/json' -d '{"owner_id": "%5$s", "accountId": "%4$s"}'
                  %3$s %2$s/v1/identities/%5$s
                  curl -s %2$s/health/ready
                  curl -s %2$s/metrics | grep rc_identity
                Press Ctrl-C to stop.
                """.formatted(bootstrap, api, curl, account, extension, number);
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
