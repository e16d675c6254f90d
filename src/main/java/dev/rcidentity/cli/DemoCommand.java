package dev.rcidentity.cli;

import dev.rcidentity.kafka.EmbeddedKafkaBroker;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedAccount;
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
                are reported to POST /v1/logins, as an integration would. The simulated companies are connected
                through RingCentral's OAuth consent (a connect link, the consent, the callback), all but one, whose
                connect link is printed for a browser. With the simulator on a fixed HTTP_PORT, push is on: the
                simulator delivers webhook notifications to this demo's /webhooks/ringcentral, changes arrive in
                seconds, and it prints how fresh the last pushed change was. Prints ADMIN_TOKEN (generated unless set), where to look and
                curl examples; Ctrl-C stops it. A second run on the same DATA_DIR continues where the first stopped.
                """ + HelpText.settings(false, SettingKeys.KAFKA_BOOTSTRAP_SERVERS, SettingKeys.EMBEDDED_KAFKA_PORT,
                SettingKeys.DATA_DIR, SettingKeys.RC_CLIENT_ID, SettingKeys.RC_CLIENT_SECRET, SettingKeys.RC_JWT,
                SettingKeys.RC_CONNECTIONS_FILE, SettingKeys.SIMULATOR_ACCOUNTS, SettingKeys.SIMULATOR_EXTENSIONS,
                SettingKeys.POLL_INTERVAL, SettingKeys.HTTP_HOST, SettingKeys.HTTP_PORT, SettingKeys.API_TOKEN,
                SettingKeys.TOPIC_PARTITIONS, SettingKeys.ADMIN_TOKEN, SettingKeys.CREDENTIALS_KEY,
                SettingKeys.CREDENTIALS_KEY_FILE, SettingKeys.RC_REDIRECT_URI, SettingKeys.WEBHOOK_BASE_URL,
                SettingKeys.SUBSCRIPTION_CHECK_INTERVAL, SettingKeys.POLL_INTERVAL_WITH_PUSH);
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
            if (!settings.isSet(SettingKeys.POLL_INTERVAL)) {
                settings = settings.with(SettingKeys.POLL_INTERVAL, DEMO_POLL_INTERVAL.toString());
            }
            RingCentralSimulator simulator = null;
            List<ConnectionSettings> connections = ConnectionsReader.read(settings);
            // The app's credentials alone (RC_CLIENT_ID, RC_CLIENT_SECRET) mean RingCentral, waiting for onboarding.
            if (connections.isEmpty() && !settings.isSet(SettingKeys.RC_CLIENT_ID)) {
                Path dataDir = settings.dataDir();
                simulator = lifecycle.add(SimulatorCommand.start(OptionsFromSettings.simulator(settings), dataDir));
                lifecycle.add(SimulatorCommand.rememberRound(simulator, dataDir));
                console.out().println("RingCentral simulator on " + simulator.baseUrl() + " with "
                        + simulator.accounts().size() + " accounts (no RingCentral credentials are set)");
            }
            console.out().println("Topics on " + bootstrap + ":");
            TopicsCommand.ensure(settings, bootstrap, console);
            boolean adminTokenGiven = settings.isSet(SettingKeys.ADMIN_TOKEN);
            settings = DemoOnboarding.prepare(settings, simulator, console);
            settings = DemoPush.prepare(settings, simulator, console);

            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrap);
            assembly.startPoller(connections, bootstrap, OptionsFromSettings.requireCredentialKeys(settings,
                    "the demo keeps its connections in rc.connections.v1"));
            ApiServer api = assembly.startApi(bootstrap);
            String apiBase = "http://" + settings.get(SettingKeys.HTTP_HOST) + ":" + api.port();
            String adminToken = settings.require(SettingKeys.ADMIN_TOKEN, "the demo generates it");
            String onboarding = simulator == null ? ""
                    : connectThroughOAuth(new DemoOnboarding(URI.create(apiBase), adminToken, simulator), console);
            if (simulator != null) {
                lifecycle.add(new DemoLogins(simulator, URI.create(apiBase), settings.find(SettingKeys.API_TOKEN).orElse(null)))
                        .start(Duration.ofSeconds(2));
                if (settings.isSet(SettingKeys.WEBHOOK_BASE_URL)) {
                    lifecycle.add(new DemoPush(simulator, URI.create(apiBase),
                            settings.find(SettingKeys.API_TOKEN).orElse(null), console)).start(Duration.ofSeconds(20));
                }
            }
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                lifecycle.fail("Kafka Streams did not reach RUNNING within 2 minutes");
            } else {
                console.out().println(readyMessage(bootstrap, apiBase, settings.isSet(SettingKeys.API_TOKEN), simulator,
                        adminMessage(apiBase, adminTokenGiven ? null : adminToken, onboarding)));
            }
            return lifecycle.awaitStop();
        }
    }

    static String readyMessage(String bootstrap, String api, boolean token, RingCentralSimulator simulator,
                               String connections) {
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
                %7$sPress Ctrl-C to stop.
                """.formatted(bootstrap, api, curl, account, extension, number, connections);
    }

    /**
     * Connects the simulated companies through the OAuth flow, all but the last one, whose connect link is left for a
     * browser; answers the lines that say so. (Until the poller reads rc.connections.v1, it still sweeps the simulator
     * through the connections file, under the same names.)
     */
    static String connectThroughOAuth(DemoOnboarding onboarding, Console console) throws Exception {
        List<SimulatedAccount> accounts = onboarding.simulator().accounts();
        List<SimulatedAccount> automatic = accounts.size() > 1 ? accounts.subList(0, accounts.size() - 1) : accounts;
        List<String> connected = onboarding.connect(automatic);
        if (!connected.isEmpty()) {
            console.out().println("Connected " + String.join(", ", connected) + " through RingCentral's OAuth consent "
                    + "(connect link -> /oauth/authorize -> simulator consent -> /oauth/callback)");
        }
        SimulatedAccount last = accounts.get(accounts.size() - 1);
        if (onboarding.currentConnections().contains(DemoOnboarding.nameOf(last))) {
            return "";
        }
        onboarding.simulator().consent().nextByAdmin(last.accountId());
        return "  Connect " + last.companyName() + " from a browser (one-time link, the simulator consents at once):\n    "
                + onboarding.link(DemoOnboarding.nameOf(last)) + "\n";
    }

    static String adminMessage(String api, String generatedAdminToken, String onboarding) {
        return """
                  Connections (%s):
                    curl -s -H "Authorization: Bearer $ADMIN_TOKEN" %s/v1/connections
                    curl -s -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \\
                         -d '{"name": "another company"}' %s/v1/connections/links
                %s""".formatted(generatedAdminToken == null ? "ADMIN_TOKEN is yours"
                : "ADMIN_TOKEN=" + generatedAdminToken + ", generated for this run", api, api, onboarding);
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
