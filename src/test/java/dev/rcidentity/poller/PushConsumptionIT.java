package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.Notification;
import dev.rcidentity.simulator.SimulatedExtension;
import dev.rcidentity.simulator.SimulatorChanges;
import dev.rcidentity.testing.Await;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications to snapshots: changes in the simulator reach rc.extensions.v1 through push alone (full sweeps every
 * hour), duplicated and reordered deliveries change nothing twice, a Delete is published only once a fetch answers
 * 404, and a burst becomes one full sweep.
 */
class PushConsumptionIT {
    private static final String EXTENSION = "/restapi/v1.0/account/~/extension/";
    @TempDir
    static Path dir;
    static PushFixture f;
    static Connection connection;
    static String accountId;

    @BeforeAll
    static void start() throws Exception {
        f = new PushFixture(dir, PushOptions.of(URI.create("http://set-by-the-fixture"), Duration.ofMillis(500),
                Duration.ofHours(1)));
        accountId = f.sim.accounts().get(1).accountId();
        connection = f.connect("push-b", accountId);
        await(() -> f.poller.push().healthy(id()) && f.sweepsOf(id()) > 0, "push healthy after a first full sweep");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String id() {
        return connection.connectionId();
    }

    @Test
    void changesArriveThroughPushAloneAndDuplicatesOrReordersChangeNothingTwice() {
        int sweeps = f.sweepsOf(id());
        f.sim.webhooks().faults().duplicate(2).reorder(2);
        SimulatorChanges.Change change = tickUntil(c -> c.kind() != SimulatorChanges.Kind.DEPARTED);
        Instant tick = Instant.now();
        await(() -> !extensionRecords(change.extensionId(), r -> r.value().observedAt().isAfter(tick.minusSeconds(1)))
                .isEmpty(), "the change of " + change.extensionId() + " is in rc.extensions.v1");
        assertTrue(f.requests("GET", EXTENSION + change.extensionId()).stream().anyMatch(r -> r.status() == 200),
                "fetched by id");
        assertEquals(sweeps, f.sweepsOf(id()), "a full sweep ran: the change did not come through push alone");

        awaitHandled(marker());
        Map<String, ExtensionSnapshot> last = new HashMap<>();
        for (ConsumerRecord<String, ExtensionSnapshot> record : extensionRecords(null, r -> true)) {
            ExtensionSnapshot previous = last.put(record.key(), record.value());
            if (previous != null && accountId.equals(record.value().accountId())) {
                assertNotEquals(previous.observedAt(null), record.value().observedAt(null),
                        "extension " + record.key() + " published twice unchanged");
            }
        }
    }

    @Test
    void aDeleteIsPublishedOnlyOnceTheFetchAnswers404() {
        SimulatedExtension present = f.sim.extensions(accountId).get(3);
        Instant sent = send(body -> body.put("extensionId", String.valueOf(present.numericId()))
                .put("eventType", "Delete"));
        awaitHandled(sent);
        assertTrue(f.requests("GET", EXTENSION + present.numericId()).stream().anyMatch(r -> r.status() == 200));
        assertTrue(extensionRecords(String.valueOf(present.numericId()), r -> r.value().deleted()).isEmpty(),
                "a Delete the fetch did not confirm was published");

        SimulatorChanges.Change departed = tickUntil(c -> c.kind() == SimulatorChanges.Kind.DEPARTED);
        await(() -> !extensionRecords(departed.extensionId(), r -> r.value().deleted()).isEmpty(),
                "the departure, confirmed by a 404, is published deleted");
    }

    @Test
    void aBurstBecomesOneFullSweep() {
        int sweeps = f.sweepsOf(id());
        List<String> ids = new ArrayList<>();
        ObjectNode guideShape = Json.MAPPER.createObjectNode();
        var extensions = guideShape.putArray("extensions");
        for (int i = 0; i < 150; i++) {
            String extensionId = String.valueOf(9_000_000 + i);
            ids.add(extensionId);
            extensions.addObject().put("extensionId", extensionId).put("eventType", "Update");
        }
        Instant sent = sendBody(guideShape);
        awaitHandled(sent);
        await(() -> f.sweepsOf(id()) > sweeps, "a full sweep");
        assertEquals(sweeps + 1, f.sweepsOf(id()));
        assertTrue(ids.stream().noneMatch(x -> !f.requests("GET", EXTENSION + x).isEmpty()), "fetched one by one");
    }

    private static SimulatorChanges.Change tickUntil(Predicate<SimulatorChanges.Change> wanted) {
        List<SimulatorChanges.Change> found = new ArrayList<>();
        await(() -> {
            f.sim.tick().changes().stream().filter(c -> accountId.equals(c.accountId()) && wanted.test(c))
                    .findFirst().ifPresent(found::add);
            return !found.isEmpty();
        }, "a change of the wanted kind in account " + accountId);
        return found.get(0);
    }

    private static List<ConsumerRecord<String, ExtensionSnapshot>> extensionRecords(
            String extensionId, Predicate<ConsumerRecord<String, ExtensionSnapshot>> filter) {
        // Read to the end: records keep coming no faster than this reads them.
        List<ConsumerRecord<String, ExtensionSnapshot>> all = f.cluster.readUntil(Topics.EXTENSIONS, r -> false,
                Duration.ofSeconds(2));
        return all.stream().filter(r -> extensionId == null || extensionId.equals(r.key())).filter(filter).toList();
    }

    /** A notification naming an extension no account has: handled, it changes nothing. */
    private static Instant marker() {
        return send(body -> body.put("extensionId", "1").put("eventType", "Update"));
    }

    private static Instant send(java.util.function.Consumer<ObjectNode> flatBody) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        flatBody.accept(body);
        return sendBody(body);
    }

    private static Instant sendBody(ObjectNode body) {
        Instant now = Instant.now();
        ObjectNode payload = Json.MAPPER.createObjectNode().put("uuid", "test-" + now.toEpochMilli())
                .put("subscriptionId", "test").put("event", "/restapi/v1.0/account/~/extension");
        payload.set("body", body);
        try {
            f.cluster.send(Topics.NOTIFICATIONS, List.of(Map.entry(id(), new Notification(id(), "test", now, payload))),
                    now);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return now;
    }

    private static void awaitHandled(Instant receivedAt) {
        await(() -> !f.poller.notificationsHandledThrough().isBefore(receivedAt), "the notification is handled");
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, PushFixture.WAIT, what);
    }
}
