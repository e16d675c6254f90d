package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStatuses;
import dev.rcidentity.model.Connection;
import dev.rcidentity.simulator.DeliveryAttempt;
import dev.rcidentity.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection's webhook subscription over its life, against the simulator and the real receiver: created with the
 * handshake (its token stored first), renewed, recreated when Blacklisted, deleted with the connection; full sweeps
 * rare while it is healthy and back to every poll interval while it is not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushSubscriptionIT {
    private static final String SUBSCRIPTION = "/restapi/v1.0/subscription";
    @TempDir
    static Path dir;
    static PushFixture f;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        // renewAhead longer than the 7-day lifetime: every check renews, so renewal shows at once
        f = new PushFixture(dir, PushOptions.of(URI.create("http://set-by-the-fixture"), Duration.ofMillis(500),
                Duration.ofHours(1)).withRenewAhead(Duration.ofDays(8)));
        connection = f.connect("push-a", f.sim.accounts().get(0).accountId());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String id() {
        return connection.connectionId();
    }

    private static SubscriptionApi.Info info() {
        return f.poller.push().info(id());
    }

    @Test
    @Order(1)
    void createdWithTheHandshakeItsTokenStoredAndRenewed() {
        await(() -> f.poller.push().healthy(id()), "the subscription is created and Active");
        SubscriptionApi.Info info = info();
        assertTrue(info.address().endsWith("/webhooks/ringcentral?connectionId=" + id()), info.address());
        assertNotNull(f.secretsOf(id()).webhookVerificationToken(), "the token is kept with the connection");
        assertTrue(f.requests("POST", SUBSCRIPTION).stream().anyMatch(r -> r.pathAndQuery().equals(SUBSCRIPTION)
                && r.status() == 200), "created, the handshake answered");
        await(() -> f.requests("POST", SUBSCRIPTION + "/" + info.id() + "/renew").stream()
                .anyMatch(r -> r.status() == 200), "renewed ahead of expiry");
        awaitDelivered(info.id());
        try (ConnectionStatuses statuses = ConnectionStatuses.start(f.kafka, "push-test", PushFixture.WAIT)) {
            await(() -> statuses.get(id()).map(s -> s.subscription() != null
                    && info().id().equals(s.subscription().id()) && "Active".equals(s.subscription().status())
                    && s.subscription().expiresAt() != null).orElse(false), "the subscription in the status topic");
        }
    }

    @Test
    @Order(2)
    void aBlacklistedSubscriptionIsDeletedAndCreatedAgain() {
        SubscriptionApi.Info old = info();
        String oldToken = f.secretsOf(id()).webhookVerificationToken();
        f.sim.webhooks().blacklistAfter(1);
        f.refuse.set(true);
        await(() -> {
            f.sim.tick();
            return f.sim.webhooks().deliveries().stream().anyMatch(d -> d.subscriptionId().equals(old.id())
                    && d.outcome() == DeliveryAttempt.Outcome.FAILED);
        }, "a delivery fails");
        f.refuse.set(false);
        await(() -> info() != null && !info().id().equals(old.id()) && f.poller.push().healthy(id()), "created again");
        assertTrue(f.requests("DELETE", SUBSCRIPTION + "/" + old.id()).stream().anyMatch(r -> r.status() / 100 == 2),
                "the blacklisted one is deleted");
        assertNotEquals(oldToken, f.secretsOf(id()).webhookVerificationToken(), "a new token for a new subscription");
        awaitDelivered(info().id());
    }

    @Test
    @Order(3)
    void fullSweepsAreRareWhileHealthyAndEveryPollIntervalWhileNot() {
        await(() -> f.sweepsOf(id()) > 0, "a first full sweep");
        int before = f.sweepsOf(id());
        String subscription = info().id();
        long renewals = renewals(subscription);
        // Eight checks at 500 ms: four poll intervals of 1 s pass without a full sweep.
        await(() -> renewals(subscription) >= renewals + 8, "eight more checks");
        assertEquals(before, f.sweepsOf(id()), "a full sweep ran while push was healthy");

        f.sim.faults().serverErrors(1_000_000, 503, "/restapi/v1\\.0/subscription.*");
        await(() -> !f.poller.push().healthy(id()), "the subscription checks fail");
        int unhealthy = f.sweepsOf(id());
        await(() -> f.sweepsOf(id()) >= unhealthy + 2, "sweeps every poll interval again");
        f.sim.faults().clear();
        await(() -> f.poller.push().healthy(id()), "healthy again");
    }

    @Test
    @Order(4)
    void removingTheConnectionDeletesItsSubscription() {
        String subscription = info().id();
        f.store.remove(id());
        await(() -> f.requests("DELETE", SUBSCRIPTION + "/" + subscription).stream()
                .anyMatch(r -> r.status() / 100 == 2), "the subscription is deleted at RingCentral");
        assertFalse(f.poller.push().healthy(id()));
    }

    private static long renewals(String subscription) {
        return f.requests("POST", SUBSCRIPTION + "/" + subscription + "/renew").size();
    }

    private static void awaitDelivered(String subscription) {
        await(() -> {
            f.sim.tick();
            return f.sim.webhooks().deliveries().stream().anyMatch(d -> d.subscriptionId().equals(subscription)
                    && d.outcome() == DeliveryAttempt.Outcome.DELIVERED);
        }, "a change delivered to the receiver");
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, PushFixture.WAIT, what);
    }
}
