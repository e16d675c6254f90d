package dev.rcidentity.poller;

import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grants at the simulator's token endpoint over real HTTP: an answer, a refused credential, a failing endpoint. */
class TokenExchangeTest {
    private static final long ARRIVAL = 42_000_000_000L;

    private RingCentralSimulator sim;
    private String accountId;
    private TokenExchange exchange;

    @BeforeEach
    void start() {
        sim = RingCentralSimulator.start(SimulatorOptions.builder().accounts(1).extensionsPerAccount(2).seed(41).build());
        accountId = sim.accounts().get(0).accountId();
        ConnectionSettings settings = TestConnections.admin(sim, "exchange", accountId);
        RingCentralHttp http = new RingCentralHttp(settings.name(), settings.serverUrl(),
                RingCentralHttp.newClient(Duration.ofSeconds(5)), new RingCentralRateLimiter(System::nanoTime),
                TestConnections.FAST, new PollerMetrics());
        exchange = new TokenExchange(settings, http, () -> ARRIVAL);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, String> jwtGrant() {
        return Map.of("grant_type", TokenManager.JWT_BEARER_GRANT, "assertion", sim.adminJwt(accountId));
    }

    @Test
    void answersTheTokensWithTheMomentTheyArrived() throws InterruptedException {
        TokenResponse response = exchange.post(jwtGrant());

        assertNotNull(response.accessToken());
        assertNotNull(response.rotatedRefreshToken());
        assertTrue(response.accessLifetime().isPresent());
        assertEquals(accountId, response.ownerId(null));
        assertEquals(ARRIVAL, response.receivedAt());
    }

    @Test
    void aRefusedRefreshTokenIsARejectedCredential() throws InterruptedException {
        String refresh = exchange.post(jwtGrant()).rotatedRefreshToken();
        Map<String, String> refreshGrant = Map.of("grant_type", TokenManager.REFRESH_GRANT, "refresh_token", refresh);
        exchange.post(refreshGrant);

        CredentialRejectedException e = assertThrows(CredentialRejectedException.class,
                () -> exchange.post(refreshGrant), "a refresh token is single-use");
        assertTrue(e.status() == 400 || e.status() == 401, "status " + e.status());
        assertFalse(e.getMessage().contains(refresh), "the token never appears in the message");
    }

    @Test
    void aFailingEndpointIsNotARejectedCredential() {
        sim.faults().failTokenEndpoint(10);

        RingCentralApiException e = assertThrows(RingCentralApiException.class, () -> exchange.post(jwtGrant()));
        assertFalse(e instanceof CredentialRejectedException, "a 503 may pass: the credential is not refused");
        assertEquals(503, e.status());
    }
}
