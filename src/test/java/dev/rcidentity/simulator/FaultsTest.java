package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {
    private RingCentralSimulator simulator;
    private SimClient client;
    private String token;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(1).extensionsPerAccount(20).clock(MutableClock.atDefaultStart()).build());
        client = new SimClient(simulator);
        token = client.adminToken(simulator.accounts().get(0).accountId());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void serverErrorsHitTheNextApiRequests() {
        simulator.faults().serverErrors(2);
        SimClient.Response first = client.get("/restapi/v1.0/account/~", token);
        assertEquals(503, first.status());
        assertTrue(first.json().get("errors").isArray());
        assertEquals(503, client.get("/restapi/v1.0/account/~/extension", token).status());
        assertEquals(200, client.get("/restapi/v1.0/account/~", token).status());
    }

    @Test
    void serverErrorsCanTargetAPath() {
        simulator.faults().serverErrors(1, 500, ".*/extension");
        assertEquals(200, client.get("/restapi/v1.0/account/~", token).status());
        assertEquals(200, client.get("/restapi/v1.0/account/~/extension/~", token).status());
        assertEquals(500, client.get("/restapi/v1.0/account/~/extension?page=1", token).status());
        assertEquals(200, client.get("/restapi/v1.0/account/~/extension?page=1", token).status());
    }

    @Test
    void serverErrorsSpareTheTokenEndpoint() {
        simulator.faults().serverErrors(1);
        assertEquals(200, client.jwtGrant(simulator.adminJwt(simulator.accounts().get(0).accountId())).status());
        assertEquals(503, client.get("/restapi/v1.0/account/~", token).status());
    }

    @Test
    void slowResponsesTripClientTimeouts() {
        simulator.faults().slowResponses(Duration.ofSeconds(5));
        HttpRequest request = HttpRequest.newBuilder(simulator.baseUrl().resolve("/restapi/v1.0/account/~"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMillis(200))
                .build();
        assertThrows(HttpTimeoutException.class, () -> client.sendRaw(request));

        simulator.faults().slowResponses(Duration.ZERO);
        assertEquals(200, client.get("/restapi/v1.0/account/~", token).status());
    }

    @Test
    void slowResponsesAreBounded() {
        simulator.faults().slowResponses(Duration.ofHours(1));
        assertEquals(Faults.MAX_DELAY, simulator.faults().responseDelay());
        simulator.faults().clear();
        assertEquals(Duration.ZERO, simulator.faults().responseDelay());
    }

    @Test
    void clearRemovesEveryFault() {
        simulator.faults().serverErrors(5).endlessPaging(true).failTokenEndpoint(3)
                .rateLimitBurst(RateLimitGroup.LIGHT, 3).malformedPage(1).clear();
        assertEquals(200, client.get("/restapi/v1.0/account/~", token).status());
        assertEquals(200, client.jwtGrant(simulator.adminJwt(simulator.accounts().get(0).accountId())).status());
    }
}
