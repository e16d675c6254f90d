package dev.rcidentity.cli;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.connections.CredentialKeyFile;
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
import java.util.List;

/** {@code demo}: everything on one machine, embedded where nothing else is configured. */
final class DemoCommand implements Command {
    static final Duration DEMO_POLL_INTERVAL = Duration.ofSeconds(30);
    /** Where the demo keeps its credentials key, under DATA_DIR, unless a key is configured. */
    static final String KEY_FILE = "credentials.key";

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
                """ + HelpText.settings(false, SettingKeys.KAFKA_BOOTSTRAP_SERVERS, SettingKeys.EMBEDDED_KAFKA_PORT,
                SettingKeys.DATA_DIR, SettingKeys.RC_CLIENT_ID, SettingKeys.RC_CLIENT_SECRET, SettingKeys.RC_JWT,
                SettingKeys.RC_CONNECTIONS_FILE, SettingKeys.SIMULATOR_ACCOUNTS, SettingKeys.SIMULATOR_EXTENSIONS,
                SettingKeys.POLL_INTERVAL, SettingKeys.HTTP_HOST, SettingKeys.HTTP_PORT, SettingKeys.API_TOKEN,
                SettingKeys.TOPIC_PARTITIONS, SettingKeys.CREDENTIALS_KEY, SettingKeys.CREDENTIALS_KEY_FILE);
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            String bootstrap = settings.find(SettingKeys.KAFKA_BOOTSTRAP_SERVERS).orElse(null);
            if (bootstrap == null) {
                int port = settings.get(SettingKeys.EMBEDDED_KAFKA_PORT);
                requireFree(port);
                Path logDir = settings.dataDir().resolve("kafka");
                console.out().println("Starting an embedded Kafka broker on 127.0.0.1:" + port + " (data in " + logDir + ") ...");
                bootstrap = lifecycle.add(EmbeddedKafkaBroker.start(logDir, port)).bootstrapServers();
            }
            settings = withCredentialsKey(settings, console);
            if (!settings.isSet(SettingKeys.POLL_INTERVAL)) {
                settings = settings.with(SettingKeys.POLL_INTERVAL, DEMO_POLL_INTERVAL.toString());
            }
            RingCentralSimulator simulator = null;
            List<ConnectionSettings> connections = ConnectionsReader.read(settings);
            if (connections.isEmpty()) {
                Path dataDir = settings.dataDir();
                simulator = lifecycle.add(SimulatorCommand.start(OptionsFromSettings.simulator(settings), dataDir));
                lifecycle.add(SimulatorCommand.rememberRound(simulator, dataDir));
                Path file = SimulatorCommand.writeConnections(simulator, dataDir);
                connections = ConnectionsReader.read(settings.with(SettingKeys.RC_CONNECTIONS_FILE, file.toString()));
                console.out().println("RingCentral simulator on " + simulator.baseUrl() + " with "
                        + simulator.accounts().size() + " accounts (no RingCentral credentials are set)");
            }
            console.out().println("Topics on " + bootstrap + ":");
            TopicsCommand.ensure(settings, bootstrap, console);

            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrap);
            assembly.startPoller(connections, bootstrap, OptionsFromSettings.requireCredentialKeys(settings,
                    "the demo keeps its connections in rc.connections.v1"));
            ApiServer api = assembly.startApi(bootstrap);
            String apiBase = "http://" + settings.get(SettingKeys.HTTP_HOST) + ":" + api.port();
            if (simulator != null) {
                lifecycle.add(new DemoLogins(simulator, URI.create(apiBase), settings.find(SettingKeys.API_TOKEN).orElse(null)))
                        .start(Duration.ofSeconds(2));
            }
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                lifecycle.fail("Kafka Streams did not reach RUNNING within 2 minutes");
            } else {
                console.out().println(readyMessage(bootstrap, apiBase, settings.isSet(SettingKeys.API_TOKEN), simulator));
            }
            return lifecycle.awaitStop();
        }
    }

    /**
     * The settings with {@code CREDENTIALS_KEY_FILE} pointing at {@code DATA_DIR/credentials.key}, created once
     * (owner-only) when neither key setting is given, so a second demo on the same data reads what the first wrote.
     */
    static Settings withCredentialsKey(Settings settings, Console console) {
        if (settings.isSet(SettingKeys.CREDENTIALS_KEY) || settings.isSet(SettingKeys.CREDENTIALS_KEY_FILE)) {
            return settings;
        }
        Path file = settings.dataDir().resolve(KEY_FILE);
        if (CredentialKeyFile.createIfMissing(file)) {
            console.out().println("Created the credentials key " + file + " (readable by its owner only): it encrypts"
                    + " the connections' credentials in rc.connections.v1; keep it with the data");
        } else {
            console.out().println("Credentials key: " + file);
        }
        return settings.with(SettingKeys.CREDENTIALS_KEY_FILE, file.toString());
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
