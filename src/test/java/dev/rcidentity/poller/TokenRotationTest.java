package dev.rcidentity.poller;

import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorCredentials;
import dev.rcidentity.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rotated refresh token is stored before the access token that came with it is used, even when storing fails first. */
class TokenRotationTest {
    private RingCentralSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Stores nothing the first time (as when Kafka does not acknowledge), then everything. */
    private static final class FailingFirst implements CredentialSink {
        final List<String> offered = new ArrayList<>();
        final List<Integer> requestsSeenAtStore = new ArrayList<>();
        RingCentralSimulator sim;
        String stored;

        @Override
        public void rotated(String refreshToken) {
            offered.add(refreshToken);
            requestsSeenAtStore.add(sim.requests().size());
            if (offered.size() == 1) {
                throw new CredentialNotDurableException("not acknowledged", null);
            }
            stored = refreshToken;
        }
    }

    private List<RecordedRequest> calls(String path) {
        return sim.requests().stream().filter(r -> r.pathAndQuery().startsWith(path)).toList();
    }

    @Test
    void noAccessTokenIsUsedBeforeTheRotatedRefreshTokenIsStored() throws InterruptedException {
        sim = RingCentralSimulator.start(SimulatorOptions.builder().accounts(1).extensionsPerAccount(5).seed(31).build());
        String accountId = sim.accounts().get(0).accountId();
        String initial = TestConnections.refreshToken(sim, accountId);
        sim.clearRequests();
        SimulatorCredentials app = sim.appCredentials();
        FailingFirst sink = new FailingFirst();
        sink.sim = sim;
        RunningConnection connection = RunningConnection.open("c", new ConnectionSettings("c", sim.baseUrl(),
                        app.clientId(), app.clientSecret(), null, initial), sink,
                RingCentralHttp.newClient(Duration.ofSeconds(5)), TestConnections.FAST, Clock.systemUTC(),
                System::nanoTime, new PollerMetrics());

        assertThrows(CredentialNotDurableException.class, () -> connection.client().accountInfo());
        assertEquals(1, calls("/restapi/oauth/token").size(), "one exchange, which spent the initial token");
        assertTrue(calls("/restapi/v1.0/account").isEmpty(), "no access token used while the new one is not stored");
        String rotated = sink.offered.get(0);
        assertNotEquals(initial, rotated);

        assertEquals(accountId, connection.client().accountInfo().path("id").asText());
        assertEquals(List.of(rotated, rotated), sink.offered, "the same token stored on the next try, no new exchange");
        assertEquals(rotated, sink.stored);
        assertEquals(1, calls("/restapi/oauth/token").size());
        assertEquals(1, calls("/restapi/v1.0/account").size());
        RecordedRequest account = calls("/restapi/v1.0/account").get(0);
        assertTrue(sim.requests().indexOf(account) >= sink.requestsSeenAtStore.get(1), "used only after it was stored");
        assertEquals(400, TestConnections.tokenResponse(sim, Map.of("grant_type", "refresh_token",
                "refresh_token", initial)).path("status").asInt(), "the initial token was spent");
    }
}
