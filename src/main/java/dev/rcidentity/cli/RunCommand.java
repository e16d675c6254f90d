package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.query.ApiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/** {@code run}: production, every part, nothing embedded. */
final class RunCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "production: poller, topology and HTTP API against a real cluster; nothing embedded";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar run [--config FILE] [--KEY=VALUE ...]

                Runs every part against an existing Kafka cluster and RingCentral: the poller (when a
                RingCentral connection is configured), the topology and the HTTP API. Nothing is embedded: it
                refuses to start when KAFKA_BOOTSTRAP_SERVERS is not set. The topics must exist ('topics').
                Stops cleanly on Ctrl-C/SIGTERM. Settings: see 'poller --help', 'streams --help' and the README.
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        String bootstrap = settings.require(SettingKeys.KAFKA_BOOTSTRAP_SERVERS,
                "run is the production command and embeds no broker (use 'demo' to try rc-identity locally)");
        List<ConnectionSettings> connections = ConnectionsReader.read(settings);
        boolean polling = !connections.isEmpty();
        if (polling) {
            OptionsFromSettings.requireCredentialKeys(settings, "the configured connections are imported into "
                    + "rc.connections.v1, where their credentials are kept encrypted");
        }
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrap);
            if (polling) {
                assembly.startPoller(connections, bootstrap);
            } else {
                LOG.warn("No RingCentral connection is configured (RC_CLIENT_ID/RC_CLIENT_SECRET/RC_JWT or "
                        + "RC_CONNECTIONS_FILE): the poller is off; logins can still be reported to POST /v1/logins");
            }
            ApiServer api = assembly.startApi(bootstrap);
            if (streams.awaitRunning(Duration.ofMinutes(2))) {
                console.out().println("rc-identity is running against " + bootstrap + "; HTTP API on port " + api.port()
                        + (polling ? "; the poller is sweeping" : "") + ". Ctrl-C stops it.");
            }
            return lifecycle.awaitStop();
        }
    }
}
