package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.query.ApiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
                credentials key is set: the connections of rc.connections.v1), the topology and the HTTP
                API. Nothing is embedded: it refuses to start when KAFKA_BOOTSTRAP_SERVERS is not set. The topics must exist ('topics').
                Stops cleanly on Ctrl-C/SIGTERM. Settings: see 'poller --help', 'streams --help' and the README.
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        String bootstrap = settings.require(SettingKeys.KAFKA_BOOTSTRAP_SERVERS,
                "run is the production command and embeds no broker (use 'demo' to try rc-identity locally)");
        List<ConnectionSettings> connections = ConnectionsReader.read(settings);
        Optional<CredentialKeys> keys = connections.isEmpty() ? OptionsFromSettings.credentialKeys(settings)
                : Optional.of(OptionsFromSettings.requireCredentialKeys(settings, "the configured connections are "
                + "imported into rc.connections.v1, where their credentials are kept encrypted"));
        boolean polling = keys.isPresent();
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrap);
            if (polling) {
                assembly.startPoller(connections, bootstrap, keys.get());
            } else {
                LOG.warn("No credentials key (CREDENTIALS_KEY or CREDENTIALS_KEY_FILE) and no connection configured: "
                        + "the poller is off; logins can still be reported to POST /v1/logins");
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
