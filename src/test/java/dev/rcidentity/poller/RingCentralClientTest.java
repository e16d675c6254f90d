package dev.rcidentity.poller;

import dev.rcidentity.testing.MutableClock;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedExtension;
import dev.rcidentity.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RingCentral side of the poller against the simulator over real HTTP: paging, rate limits, tokens, faults. */
class RingCentralClientTest {
    private static final Set<String> DOCUMENTED_TYPES = Set.of("User", "Department", "Announcement", "Voicemail",
            "DigitalUser", "VirtualUser", "FaxUser", "PagingOnly", "SharedLinesGroup", "DelegatedLinesGroup",
            "GroupCallPickup", "IvrMenu", "ApplicationExtension", "ProxyAdmin", "RoomConnector", "ParkLocation",
            "Limited", "Bot", "Site", "Room", "FlexibleUser", "TieLine", "Unknown");

    private RingCentralSimulator sim;
    private final PollerMetrics metrics = new PollerMetrics();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String start(SimulatorOptions.Builder options) {
        sim = RingCentralSimulator.start(options.accounts(1).build());
        return sim.accounts().get(0).accountId();
    }

    /** Access tokens live 60 s of {@link #clock}, which the test moves. */
    private String startWithShortTokens(long seed) {
        return start(SimulatorOptions.builder().extensionsPerAccount(5).seed(seed).clock(clock)
                .accessTokenTtl(Duration.ofSeconds(60)));
    }

    private RunningConnection connect(String accountId, Clock clock, LongSupplier nanoTime) {
        return RunningConnection.open(TestConnections.admin(sim, "test", accountId),
                RingCentralHttp.newClient(Duration.ofSeconds(5)), TestConnections.FAST, clock, nanoTime, metrics);
    }

    private RunningConnection connect(String accountId) {
        return connect(accountId, Clock.systemUTC(), System::nanoTime);
    }

    private List<RecordedRequest> extensionListRequests() {
        return sim.requests().stream().filter(r -> r.pathAndQuery().contains("/extension")).toList();
    }

    @Test
    void readsEveryPageWithEveryStatusAndType() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(2_100).seed(11));
        ExtensionSweep.Result result = connect(accountId).extensionSweep().run(accountId);

        assertTrue(result.complete(), () -> result.failure().getMessage());
        assertEquals(3, result.pages());
        List<SimulatedExtension> expected = sim.extensions(accountId);
        assertEquals(expected.size(), result.extensions().size());
        assertEquals(3, extensionListRequests().size());
        assertTrue(extensionListRequests().stream().allMatch(r -> r.group() == RateLimitGroup.MEDIUM && r.status() == 200));

        for (SimulatedExtension e : expected) {
            ExtensionSnapshot s = result.extensions().get(e.id());
            assertEquals(accountId, s.accountId());
            assertEquals(e.extensionNumber(), s.extensionNumber());
            assertEquals(e.type(), s.type());
            assertEquals(e.status(), s.status());
            assertEquals(e.admin(), s.admin());
            assertEquals(e.siteId(), s.siteId());
        }
        List<SimulatedExtension> unassigned = expected.stream().filter(SimulatedExtension::isUnassigned).toList();
        assertFalse(unassigned.isEmpty());
        unassigned.forEach(e -> {
            assertNull(result.extensions().get(e.id()).extensionNumber());
            assertEquals("Unassigned", result.extensions().get(e.id()).status());
        });
        assertTrue(result.extensions().values().stream().anyMatch(s -> !DOCUMENTED_TYPES.contains(s.type())),
                "an undocumented type passes through");
    }

    @Test
    void throttlesAheadOfTheLimitTheServerAnnounces() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(2_100).seed(12)
                .limit(RateLimitGroup.MEDIUM, 2).rateLimitWindow(Duration.ofSeconds(1)));
        ExtensionSweep.Result result = connect(accountId).extensionSweep().run(accountId);

        assertTrue(result.complete(), () -> result.failure().getMessage());
        assertEquals(3, extensionListRequests().size());
        assertTrue(sim.requests().stream().noneMatch(r -> r.status() == 429), "no request went over the limit");
    }

    @Test
    void waitsOutTheRetryAfterPenaltyWithoutTouchingTheGroup() throws InterruptedException {
        Duration penalty = Duration.ofSeconds(1);
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(20).seed(13).rateLimitPenalty(penalty));
        RunningConnection connection = connect(accountId);
        sim.faults().rateLimitBurst(RateLimitGroup.MEDIUM, 1);

        ExtensionSweep.Result result = connection.extensionSweep().run(accountId);

        assertTrue(result.complete(), () -> result.failure().getMessage());
        List<RecordedRequest> medium = sim.requests().stream().filter(r -> r.group() == RateLimitGroup.MEDIUM).toList();
        assertEquals(List.of(429, 200), medium.stream().map(RecordedRequest::status).toList());
        Instant penaltyEnd = medium.get(0).time().plus(penalty);
        assertFalse(medium.get(1).time().isBefore(penaltyEnd), "the retry came after the penalty");
        assertEquals(1L, metrics.rateLimited().get(ApiGroup.MEDIUM));
    }

    @Test
    void endlessNextPageFailsTheSweep() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(20).seed(14));
        sim.faults().endlessPaging(true);
        ExtensionSweep.Result result = connect(accountId).extensionSweep().run(accountId);

        assertFalse(result.complete());
        assertTrue(result.failure().getMessage().contains("links to a next page"), result.failure().getMessage());
        assertEquals(2, extensionListRequests().size());
    }

    @Test
    void aMalformedPageFailsTheSweep() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(2_100).seed(15));
        sim.faults().malformedPage(2);
        ExtensionSweep.Result result = connect(accountId).extensionSweep().run(accountId);

        assertFalse(result.complete());
        assertTrue(result.failure().getMessage().contains("not valid JSON"), result.failure().getMessage());
        assertEquals(1_000, result.extensions().size(), "the first page was read");
    }

    @Test
    void serverErrorsBeyondTheRetriesFailTheSweep() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(20).seed(16));
        RunningConnection connection = connect(accountId);
        sim.faults().serverErrors(10, 503, ".*/extension");
        ExtensionSweep.Result result = connection.extensionSweep().run(accountId);

        assertFalse(result.complete());
        assertTrue(result.failure().getMessage().contains("HTTP 503"), result.failure().getMessage());
        assertEquals(TestConnections.FAST_RETRY.maxAttempts(), extensionListRequests().size());
    }

    @Test
    void aServerErrorWithinTheRetriesIsRetried() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(20).seed(17));
        RunningConnection connection = connect(accountId);
        sim.faults().serverErrors(2, 503, ".*/extension");
        ExtensionSweep.Result result = connection.extensionSweep().run(accountId);

        assertTrue(result.complete(), () -> result.failure().getMessage());
        assertEquals(List.of(503, 503, 200), extensionListRequests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void slowResponsesTimeOut() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(20).seed(18));
        RunningConnection connection = RunningConnection.open(TestConnections.admin(sim, "slow", accountId),
                RingCentralHttp.newClient(Duration.ofSeconds(5)),
                TestConnections.FAST.withRequestTimeout(Duration.ofMillis(300)), Clock.systemUTC(), System::nanoTime,
                metrics);
        sim.faults().slowResponses(Duration.ofSeconds(2));

        RingCentralApiException e = org.junit.jupiter.api.Assertions.assertThrows(RingCentralApiException.class,
                () -> connection.client().accountInfo());
        assertEquals(RingCentralApiException.NO_RESPONSE, e.status());
    }

    @Test
    void anOversizedResponseFailsWithoutRetrying() throws InterruptedException {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(50).seed(22));
        PollerOptions fast = TestConnections.FAST;
        PollerOptions small = new PollerOptions(fast.pollInterval(), fast.retry(), fast.connectTimeout(),
                fast.requestTimeout(), fast.maxPages(), 8 * 1024, fast.publishTimeout());
        RunningConnection connection = RunningConnection.open(TestConnections.admin(sim, "small", accountId),
                RingCentralHttp.newClient(Duration.ofSeconds(5)), small, Clock.systemUTC(), System::nanoTime, metrics);

        ExtensionSweep.Result result = connection.extensionSweep().run(accountId);

        assertFalse(result.complete());
        assertTrue(result.failure().getMessage().contains("larger than 8192 bytes"), result.failure().getMessage());
        assertEquals(1, extensionListRequests().size());
    }

    @Test
    void renewsTheTokenAheadOfExpiryWithTheRotatedRefreshToken() throws InterruptedException {
        String accountId = startWithShortTokens(19);
        RunningConnection connection = connect(accountId, clock, clock::nanoTime);

        connection.client().accountInfo();
        clock.advance(Duration.ofSeconds(50));
        connection.client().accountInfo();
        clock.advance(Duration.ofSeconds(50));
        connection.client().accountInfo();

        List<LoginEvent> logins = connection.tokens().logins().drain();
        assertEquals(List.of(TokenManager.JWT_BEARER_GRANT, TokenManager.REFRESH_GRANT, TokenManager.REFRESH_GRANT),
                logins.stream().map(LoginEvent::grantType).toList(), "the second refresh used the rotated token");
        assertTrue(logins.stream().allMatch(l -> l.ownerId().equals(accountId) && l.source().equals("poller")));
        assertEquals(Instant.parse("2026-03-01T10:01:40Z"), logins.get(2).loggedInAt());
        assertTrue(sim.requests().stream().noneMatch(r -> r.status() == 401), "renewed before the server refused");
    }

    @Test
    void signsInAgainWhenTheRefreshTokenIsRevoked() throws InterruptedException {
        String accountId = startWithShortTokens(20);
        RunningConnection connection = connect(accountId, clock, clock::nanoTime);

        connection.client().accountInfo();
        sim.faults().revokeRefreshTokens();
        clock.advance(Duration.ofSeconds(50));
        connection.client().accountInfo();

        assertEquals(List.of(TokenManager.JWT_BEARER_GRANT, TokenManager.JWT_BEARER_GRANT),
                connection.tokens().logins().drain().stream().map(LoginEvent::grantType).toList());
    }

    @Test
    void aRejectedCredentialIsReportedAsSuch() {
        String accountId = start(SimulatorOptions.builder().extensionsPerAccount(5).seed(21));
        sim.faults().rejectCredentials(accountId);
        CredentialRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(
                CredentialRejectedException.class, () -> connect(accountId).client().accountInfo());
        assertEquals(400, e.status());
        assertEquals(1, sim.requests().size(), "a rejected credential is not retried");
    }
}
