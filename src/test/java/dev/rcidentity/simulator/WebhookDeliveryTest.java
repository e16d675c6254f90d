package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.simulator.DeliveryAttempt.Outcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extension list events delivered on every tick to a receiver in the test, and each delivery fault. */
class WebhookDeliveryTest extends WebhookTestBase {
    @Test
    void aTickDeliversTheAccountsChangesInTheGuidesShape() throws InterruptedException {
        String id = subscribe(3600L);
        SimulatorChanges changes = simulator.tick();

        WebhookReceiver.Received received = receiver.next();
        assertEquals("vt-secret-1", received.verificationToken());
        JsonNode envelope = received.json();
        assertFalse(envelope.get("uuid").asText().isEmpty());
        assertEquals("/restapi/v1.0/account/" + accountId + "/extension", envelope.get("event").asText());
        assertEquals(clock.instant(), Instant.parse(envelope.get("timestamp").asText()));
        assertEquals(id, envelope.get("subscriptionId").asText());
        assertEquals(accountId, envelope.get("ownerId").asText());

        Map<String, String> expected = expectedEvents(changes);
        Map<String, String> delivered = new LinkedHashMap<>();
        for (JsonNode extension : envelope.get("body").get("extensions")) {
            delivered.put(extension.get("extensionId").asText(), extension.get("eventType").asText());
            assertTrue(extension.get("hints").isArray());
        }
        assertEquals(expected, delivered, "every extension the tick changed in this account, and only those");
        assertTrue(delivered.containsValue("Create") && delivered.containsValue("Delete"));
        assertTrue(envelope.get("body").get("extensions").get(0).get("extensionId").isTextual());
    }

    @Test
    void theFlatShapeSendsOneNotificationPerExtension() throws InterruptedException {
        subscribe(3600L);
        simulator.webhooks().flatBodies(true);
        Map<String, String> expected = expectedEvents(simulator.tick());

        Map<String, String> delivered = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode body = receiver.next().json().get("body");
            assertEquals(accountId, body.get("ownerId").asText());
            delivered.put(body.get("extensionId").asText(), body.get("eventType").asText());
        }
        assertEquals(expected, delivered);
    }

    @Test
    void dropSendsNothingForThatNotification() throws InterruptedException {
        subscribe(3600L);
        simulator.webhooks().faults().drop(1);
        simulator.tick();
        SimulatorChanges second = simulator.tick();
        assertEquals(expectedEvents(second).keySet(), ids(receiver.next()));
        assertEquals(Outcome.DROPPED, simulator.webhooks().deliveries().get(0).outcome());
    }

    @Test
    void duplicateSendsTheSameNotificationTwice() throws InterruptedException {
        subscribe(3600L);
        simulator.webhooks().faults().duplicate(1);
        simulator.tick();
        String first = receiver.next().json().get("uuid").asText();
        assertEquals(first, receiver.next().json().get("uuid").asText());
    }

    @Test
    void reorderSendsAHeldBatchBackwards() throws InterruptedException {
        subscribe(3600L);
        simulator.webhooks().faults().reorder(2);
        assertSecondTickArrivesFirst();
    }

    @Test
    void aDelayedNotificationIsOvertaken() throws InterruptedException {
        subscribe(3600L);
        simulator.webhooks().faults().delay(1, Duration.ofSeconds(3));
        assertSecondTickArrivesFirst();
    }

    private void assertSecondTickArrivesFirst() throws InterruptedException {
        SimulatorChanges first = simulator.tick();
        SimulatorChanges second = simulator.tick();
        assertEquals(expectedEvents(second).keySet(), ids(receiver.next()));
        assertEquals(expectedEvents(first).keySet(), ids(receiver.next()));
    }

    @Test
    void failuresInARowBlacklistUntilDeletedAndCreatedAgain() throws InterruptedException {
        String id = subscribe(3600L);
        simulator.webhooks().blacklistAfter(2);
        receiver.deliveryStatus = 500;
        simulator.tick();
        simulator.tick();
        JsonNode info = awaitStatus(id, "Blacklisted");
        assertFalse(info.get("blacklistedData").get("reason").asText().isEmpty());
        assertEquals(clock.instant(), Instant.parse(info.get("blacklistedData").get("blacklistedAt").asText()));
        assertEquals(400, client.call("POST", "/restapi/v1.0/subscription/" + id + "/renew", token, null).status());

        receiver.deliveryStatus = 200;
        int attempts = simulator.webhooks().deliveries().size();
        simulator.tick();
        assertEquals(attempts, simulator.webhooks().deliveries().size(), "a blacklisted subscription gets nothing");

        client.call("DELETE", "/restapi/v1.0/subscription/" + id, token, null);
        receiver.notifications.clear();
        String again = subscribe(3600L);
        simulator.tick();
        assertEquals(again, receiver.next().json().get("subscriptionId").asText());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFails() throws InterruptedException {
        String id = subscribe(3600L);
        simulator.webhooks().deliveryTimeout(Duration.ofMillis(300)).blacklistAfter(1);
        receiver.deliveryStatus = 0;
        simulator.tick();
        awaitStatus(id, "Blacklisted");
        DeliveryAttempt attempt = simulator.webhooks().deliveries().get(0);
        assertEquals(Outcome.FAILED, attempt.outcome());
        assertTrue(attempt.detail().startsWith("no answer"), attempt.detail());
    }

    @Test
    void anExpiredSubscriptionGetsNothing() throws InterruptedException {
        String expiring = subscribe(60L);
        String lasting = subscribe(3600L);
        clock.advance(Duration.ofSeconds(61));
        simulator.tick();
        assertEquals(lasting, receiver.next().json().get("subscriptionId").asText());
        assertTrue(simulator.webhooks().deliveries().stream().noneMatch(d -> d.subscriptionId().equals(expiring)));
    }

    private String subscribe(long expiresIn) {
        SimClient.Response created = client.call("POST", "/restapi/v1.0/subscription", token,
                request(receiver.address(), "vt-secret-1", expiresIn));
        assertEquals(200, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private JsonNode awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode info = client.call("GET", "/restapi/v1.0/subscription/" + id, token, null).json();
            if (info.get("status").asText().equals(status)) {
                return info;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("subscription still " + info.get("status") + " after 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** extensionId -> eventType of this account's changes, written here from the change kinds. */
    private Map<String, String> expectedEvents(SimulatorChanges changes) {
        Map<String, String> events = new LinkedHashMap<>();
        for (SimulatorChanges.Change change : changes.changes()) {
            if (change.accountId().equals(accountId)) {
                events.putIfAbsent(change.extensionId(), switch (change.kind()) {
                    case HIRED, SEAT_PROVISIONED -> "Create";
                    case DEPARTED -> "Delete";
                    default -> "Update";
                });
            }
        }
        return events;
    }

    private static Set<String> ids(WebhookReceiver.Received received) {
        Set<String> ids = new HashSet<>();
        received.json().get("body").get("extensions").forEach(e -> ids.add(e.get("extensionId").asText()));
        return ids;
    }
}
