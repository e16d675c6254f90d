package dev.rcidentity.poller;

import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorCredentials;

import java.time.Duration;

/** Connections and options for tests against the simulator: small waits, so failures come fast. */
final class TestConnections {
    static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(20), Duration.ofSeconds(1));
    static final PollerOptions FAST = PollerOptions.defaults()
            .withRetry(FAST_RETRY)
            .withRequestTimeout(Duration.ofSeconds(5))
            .withMaxPages(50);

    private TestConnections() {
    }

    /** The account's admin, signing in with its JWT. */
    static ConnectionSettings admin(RingCentralSimulator sim, String name, String accountId) {
        SimulatorCredentials app = sim.appCredentials();
        return new ConnectionSettings(name, sim.baseUrl(), app.clientId(), app.clientSecret(),
                sim.adminJwt(accountId), null);
    }
}
