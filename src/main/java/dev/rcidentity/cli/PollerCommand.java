package dev.rcidentity.cli;

import dev.rcidentity.kafka.Settings;

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

                Every POLL_INTERVAL, sweeps each connection's account info and full extension list through the
                RingCentral REST API, within its rate limits, and publishes what changed to rc.accounts.v1 and
                rc.extensions.v1; every token it obtains becomes a LoginEvent in rc.logins.v1. It also serves
                POST /v1/logins, /health/live, /health/ready and /metrics. The topics must exist (see 'topics').

                Settings:
                  KAFKA_BOOTSTRAP_SERVERS            the cluster (required)
                  RC_SERVER_URL                      RingCentral API base URL (default https://platform.ringcentral.com)
                  RC_CLIENT_ID, RC_CLIENT_SECRET, RC_JWT   one connection (JWT bearer grant)
                  RC_CONNECTIONS_FILE                JSON array of connections: {"name", "serverUrl"?, "clientId",
                                                     "clientSecret", "jwt" or "refreshToken"}
                  POLL_INTERVAL                      between full sweeps of one connection (ISO-8601, default PT5M)
                  HTTP_HOST / HTTP_PORT              where the HTTP API listens (default 127.0.0.1:8080)
                  API_TOKEN                          when set, /v1 requests need "Authorization: Bearer <API_TOKEN>"
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        String bootstrap = settings.require(Settings.KAFKA_BOOTSTRAP_SERVERS, "the poller publishes to Kafka");
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            Assembly assembly = new Assembly(settings, lifecycle);
            assembly.startPoller(settings);
            var api = assembly.startApi(bootstrap);
            console.out().println("rc-identity poller is running; HTTP on port " + api.port() + ". Ctrl-C stops it.");
            return lifecycle.awaitStop();
        }
    }
}
