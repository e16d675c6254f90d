package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.query.ApiServer;

import java.time.Duration;

/** {@code streams}: the identity topology (and the HTTP API) against an existing cluster. */
final class StreamsCommand implements Command {
    @Override
    public String name() {
        return "streams";
    }

    @Override
    public String summary() {
        return "run the identity topology against KAFKA_BOOTSTRAP_SERVERS";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar streams [--config FILE] [--KEY=VALUE ...]

                Runs the Kafka Streams topology that joins rc.extensions.v1, rc.logins.v1 and rc.accounts.v1
                into rc.identities.v1 and rc.extension-history.v1, and the HTTP API that answers from its state
                stores (forwarding to the instance that owns a key). The topics must exist (see 'topics').
                Run several instances with different HTTP_PORT/STATE_DIR/APPLICATION_SERVER to share the work.
                With ADMIN_TOKEN (and a credentials key) the API also manages connections (/v1/connections)
                and onboards them through RingCentral's OAuth (/oauth/authorize, /oauth/callback).
                Stops cleanly on Ctrl-C/SIGTERM.
                """ + HelpText.settings(true, SettingKeys.KAFKA_BOOTSTRAP_SERVERS, SettingKeys.HTTP_HOST,
                SettingKeys.HTTP_PORT, SettingKeys.API_TOKEN, SettingKeys.DATA_DIR, SettingKeys.STATE_DIR,
                SettingKeys.APPLICATION_ID, SettingKeys.APPLICATION_SERVER, SettingKeys.STORE_HISTORY_RETENTION,
                SettingKeys.NUM_STANDBY_REPLICAS, SettingKeys.ADMIN_TOKEN, SettingKeys.CREDENTIALS_KEY,
                SettingKeys.CREDENTIALS_KEY_FILE, SettingKeys.CREDENTIALS_OLD_KEYS, SettingKeys.RC_SERVER_URL,
                SettingKeys.RC_CLIENT_ID, SettingKeys.RC_CLIENT_SECRET, SettingKeys.RC_REDIRECT_URI);
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        String bootstrap = settings.require(SettingKeys.KAFKA_BOOTSTRAP_SERVERS, "streams needs a Kafka cluster");
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            Assembly assembly = new Assembly(settings, lifecycle);
            StreamsService streams = assembly.startStreams(bootstrap);
            ApiServer api = assembly.startApi(bootstrap);
            if (streams.awaitRunning(Duration.ofMinutes(2))) {
                console.out().println("rc-identity streams is running against " + bootstrap + "; HTTP API on port "
                        + api.port() + ". Ctrl-C stops it.");
            }
            return lifecycle.awaitStop();
        }
    }
}
