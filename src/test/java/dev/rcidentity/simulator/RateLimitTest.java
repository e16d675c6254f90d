package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitTest {
    private static final String ACCOUNT = "/restapi/v1.0/account/~";
    private static final String EXTENSIONS = "/restapi/v1.0/account/~/extension";

    private final MutableClock clock = MutableClock.atDefaultStart();
    private RingCentralSimulator simulator;
    private SimClient client;
    private String accountId;
    private String token;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(2).extensionsPerAccount(20).clock(clock)
                .limit(RateLimitGroup.LIGHT, 3).limit(RateLimitGroup.MEDIUM, 2).limit(RateLimitGroup.AUTH, 4)
                .rateLimitWindow(Duration.ofSeconds(10)).rateLimitPenalty(Duration.ofSeconds(2))
                .build());
        client = new SimClient(simulator);
        accountId = simulator.accounts().get(0).accountId();
        token = client.adminToken(accountId);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void headersCountDownThen429WithRetryAfter() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            SimClient.Response ok = client.get(ACCOUNT, token);
            assertEquals(200, ok.status());
            assertEquals("Light", ok.header("X-Rate-Limit-Group"));
            assertEquals("3", ok.header("X-Rate-Limit-Limit"));
            assertEquals(Integer.toString(remaining), ok.header("X-Rate-Limit-Remaining"));
            assertEquals("10", ok.header("X-Rate-Limit-Window"));
        }
        SimClient.Response limited = client.get(ACCOUNT, token);
        assertEquals(429, limited.status());
        assertEquals("2", limited.header("Retry-After"));
        assertEquals("CMN-301", limited.json().get("errorCode").asText());
        assertEquals("Request rate exceeded", limited.json().get("message").asText());
        assertEquals("CMN-301", limited.json().get("errors").get(0).get("errorCode").asText());
        assertEquals(RateLimitGroup.LIGHT, simulator.requests().get(simulator.requests().size() - 1).group());
        assertEquals(429, simulator.requests().get(simulator.requests().size() - 1).status());
    }

    @Test
    void everyRequestDuringThePenaltyRestartsIt() {
        exhaust(ACCOUNT, 3);
        assertEquals(429, client.get(ACCOUNT, token).status());           // penalty until t+2

        clock.advance(Duration.ofMillis(1500));
        assertEquals(429, client.get(ACCOUNT, token).status());           // restarts: until t+3.5
        clock.advance(Duration.ofMillis(1500));
        assertEquals(429, client.get(ACCOUNT, token).status(), "the restarted penalty still runs");
        clock.advance(Duration.ofMillis(2001));
        // penalty over, but the window (10 s) still holds the first 3 hits (made at t): still over the limit
        assertEquals(429, client.get(ACCOUNT, token).status());

        clock.advance(Duration.ofSeconds(11));
        assertEquals(200, client.get(ACCOUNT, token).status(), "quiet for the penalty and the window: allowed again");
    }

    @Test
    void windowSlides() {
        exhaust(ACCOUNT, 2);
        clock.advance(Duration.ofSeconds(6));
        exhaust(ACCOUNT, 1);
        clock.advance(Duration.ofSeconds(5));   // the first two hits left the window, the third is 5 s old
        SimClient.Response ok = client.get(ACCOUNT, token);
        assertEquals(200, ok.status());
        assertEquals("1", ok.header("X-Rate-Limit-Remaining"));
    }

    @Test
    void groupsAndCallersAreLimitedSeparately() {
        exhaust(EXTENSIONS, 2);
        assertEquals(429, client.get(EXTENSIONS, token).status());
        assertEquals(200, client.get(ACCOUNT, token).status(), "the Light group is unaffected");

        String otherToken = client.adminToken(simulator.accounts().get(1).accountId());
        assertEquals(200, client.get(EXTENSIONS, otherToken).status(), "another token owner is unaffected");
    }

    @Test
    void tokenEndpointIsInTheAuthGroup() {
        // one Auth request was made in start()
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.jwtGrant(simulator.adminJwt(accountId)).status());
        }
        SimClient.Response limited = client.jwtGrant(simulator.adminJwt(accountId));
        assertEquals(429, limited.status());
        assertEquals("Auth", limited.header("X-Rate-Limit-Group"));
        assertEquals("2", limited.header("Retry-After"));
    }

    @Test
    void rateLimitBurstFault() {
        simulator.faults().rateLimitBurst(RateLimitGroup.MEDIUM, 1);
        SimClient.Response limited = client.get(EXTENSIONS, token);
        assertEquals(429, limited.status());
        assertEquals("2", limited.header("Retry-After"));
        assertEquals(429, client.get(EXTENSIONS, token).status(), "the burst started a penalty");
        assertEquals(200, client.get(ACCOUNT, token).status(), "other groups unaffected");

        clock.advance(Duration.ofSeconds(3));
        assertEquals(200, client.get(EXTENSIONS, token).status(), "the burst is used up and the penalty over");
    }

    @Test
    void concurrentRequestsNeverExceedTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(pool.submit(() -> client.get(ACCOUNT, token).status()));
            }
            int ok = 0;
            int limited = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    limited++;
                }
            }
            assertEquals(3, ok, "exactly the Light limit gets through");
            assertEquals(21, limited);
        } finally {
            pool.shutdownNow();
        }
    }

    private void exhaust(String path, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(200, client.get(path, token).status());
        }
    }
}
