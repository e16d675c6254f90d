package dev.rcidentity.cli;

import dev.rcidentity.kafka.Settings;

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
                into rc.identities.v1. The topics must exist (see 'topics'). Stops cleanly on Ctrl-C/SIGTERM.

                Settings:
                  KAFKA_BOOTSTRAP_SERVERS   the cluster (required)
                  STATE_DIR                 Kafka Streams state (default DATA_DIR/state, DATA_DIR default ./data)
                  APPLICATION_SERVER        host:port other instances use to reach this one (default HTTP_HOST:HTTP_PORT)
                  STORE_HISTORY_RETENTION   how far back "as of" lookups reach (ISO-8601, default P400D)
                  NUM_STANDBY_REPLICAS      standby copies of each store (default 1)
                  KAFKA_*                   any other Kafka client or Streams setting
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        String bootstrap = settings.require(Settings.KAFKA_BOOTSTRAP_SERVERS, "streams needs a Kafka cluster");
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            StreamsService streams = lifecycle.add(StreamsService.start(settings, bootstrap, lifecycle::fail));
            if (streams.awaitRunning(Duration.ofMinutes(2))) {
                console.out().println("rc-identity streams is running against " + bootstrap + ". Ctrl-C stops it.");
            }
            return lifecycle.awaitStop();
        }
    }
}
