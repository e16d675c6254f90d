package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.poller.ConnectionSettings;

import java.util.List;

/** {@code poller}: sweeps RingCentral into the topics; serves login ingest, health and metrics. */
final class PollerCommand implements Command {
    @Override
    public String name() {
        return "poller";
    }

    @Override
    public String summary() {
        return "sweep the connected RingCentral accounts into the topics (plus POST /v1/logins)";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar poller [--config FILE] [--KEY=VALUE ...]

                Runs the connections of rc.connections.v1 (those of RC_CONNECTIONS_FILE or RC_CLIENT_ID/
                RC_CLIENT_SECRET/RC_JWT are imported there first; others are added through the HTTP API). Every
                POLL_INTERVAL, sweeps each connection's account info and full extension list through the
                RingCentral REST API, within its rate limits, and publishes what changed to rc.accounts.v1 and
                rc.extensions.v1; every token it obtains becomes a LoginEvent in rc.logins.v1. A rotated refresh
                token is stored (encrypted) before it is used. With WEBHOOK_BASE_URL, each connection keeps a
                RingCentral webhook subscription whose notifications make changes arrive in seconds (full sweeps
                every POLL_INTERVAL_WITH_PUSH then), received at POST /webhooks/ringcentral. It also serves
                POST /v1/logins, /health/live, /health/ready and /metrics. The topics must exist (see 'topics').
                Instances sharing POLLER_GROUP_ID share the connections (each sweeps those of its
                rc.connections.v1 partitions).
                """ + HelpText.settings(true, SettingKeys.KAFKA_BOOTSTRAP_SERVERS, SettingKeys.RC_SERVER_URL,
                SettingKeys.RC_CLIENT_ID, SettingKeys.RC_CLIENT_SECRET, SettingKeys.RC_JWT,
                SettingKeys.RC_CONNECTIONS_FILE, SettingKeys.POLL_INTERVAL, SettingKeys.HTTP_HOST,
                SettingKeys.HTTP_PORT, SettingKeys.API_TOKEN, SettingKeys.CREDENTIALS_KEY,
                SettingKeys.CREDENTIALS_KEY_FILE, SettingKeys.CREDENTIALS_OLD_KEYS, SettingKeys.APPLICATION_ID,
                SettingKeys.APPLICATION_SERVER, SettingKeys.WEBHOOK_BASE_URL, SettingKeys.SUBSCRIPTION_CHECK_INTERVAL,
                SettingKeys.POLL_INTERVAL_WITH_PUSH, SettingKeys.POLLER_GROUP_ID,
                SettingKeys.POLLER_MAX_CONCURRENT_SWEEPS);
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        String bootstrap = settings.require(SettingKeys.KAFKA_BOOTSTRAP_SERVERS, "the poller publishes to Kafka");
        CredentialKeys keys = OptionsFromSettings.requireCredentialKeys(settings, "the poller keeps its connections' "
                + "credentials encrypted in rc.connections.v1");
        List<ConnectionSettings> connections = ConnectionsReader.read(settings);
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            Assembly assembly = new Assembly(settings, lifecycle);
            assembly.startPoller(connections, bootstrap, keys);
            var api = assembly.startApi(bootstrap);
            console.out().println("rc-identity poller is running; HTTP on port " + api.port() + ". Ctrl-C stops it.");
            return lifecycle.awaitStop();
        }
    }
}
