package dev.rcidentity.poller;

import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorCredentials;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

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

    /**
     * A refresh token of the account's admin, obtained as an integration would (here with the JWT grant; the
     * authorization code flow hands out the same kind).
     */
    static String refreshToken(RingCentralSimulator sim, String accountId) {
        return tokenResponse(sim, Map.of("grant_type", TokenManager.JWT_BEARER_GRANT,
                "assertion", sim.adminJwt(accountId))).path("refresh_token").asText();
    }

    /** The simulator's answer to a token request with the app's client credentials. */
    static JsonNode tokenResponse(RingCentralSimulator sim, Map<String, String> form) {
        SimulatorCredentials app = sim.appCredentials();
        ConnectionSettings client = new ConnectionSettings("test", sim.baseUrl(), app.clientId(), app.clientSecret(),
                "unused", null);
        RingCentralHttp http = new RingCentralHttp("test", sim.baseUrl(), RingCentralHttp.newClient(Duration.ofSeconds(5)),
                new RingCentralRateLimiter(System::nanoTime), FAST, new PollerMetrics());
        try {
            return http.send(Endpoint.TOKEN, TokenRequests.post(http, Endpoint.TOKEN, client, form));
        } catch (RingCentralApiException e) {
            return dev.rcidentity.model.Json.MAPPER.createObjectNode().put("error", String.valueOf(e.errorCode()))
                    .put("status", e.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The account's admin, signing in with its JWT. */
    static ConnectionSettings admin(RingCentralSimulator sim, String name, String accountId) {
        SimulatorCredentials app = sim.appCredentials();
        return new ConnectionSettings(name, sim.baseUrl(), app.clientId(), app.clientSecret(),
                sim.adminJwt(accountId), null);
    }
}
