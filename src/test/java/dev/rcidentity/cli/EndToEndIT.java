package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.contract.PublishedRecords;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.Resolution;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatedAccount;
import dev.rcidentity.simulator.SimulatorChanges;
import dev.rcidentity.simulator.SimulatorOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path on real parts, as the demo runs it: the simulator over HTTP, the poller, the embedded broker, the
 * topology and the HTTP API, with simulated users' logins reported to POST /v1/logins. Ends with the history and
 * "who had this number then" lookups after the simulator recycled a number, and checks every record the run left in
 * the public topics against the topic's schema.
 */
class EndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void simulatedAccountsBecomeIdentitiesAndARecycledNumberIsFoundAsOfEachTime() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().accounts(2).extensionsPerAccount(30).seed(11).build();
        try (RingCentralSimulator simulator = RingCentralSimulator.start(options);
             KafkaTestCluster kafka = KafkaTestCluster.start(dir, 3)) {
            Path connections = dir.resolve("connections.json");
            simulator.writeConnectionsFile(connections);
            try (TestInstance app = TestInstance.start(kafka.bootstrapServers(), dir, "end-to-end-it",
                    Map.of(SettingKeys.RC_CONNECTIONS_FILE.key(), connections.toString(), SettingKeys.POLL_INTERVAL.key(), "PT1H"), true)) {
                app.add(new DemoLogins(simulator, app.base(), null)).start(Duration.ofMillis(100));

                for (SimulatedAccount account : simulator.accounts()) {
                    // The account reaches each task through the broadcast, possibly after the extension: wait for both.
                    TestInstance.Response root = app.getUntil("/v1/identities/" + account.accountId(),
                            r -> r.status() == 200 && r.body().contains("\"resolution\":\"RESOLVED\"")
                                    && r.body().contains("\"companyName\""), WAIT);
                    JsonNode identity = Json.MAPPER.readTree(root.body());
                    assertTrue(identity.path("accountRoot").asBoolean(), root.body());
                    assertEquals(account.companyName(), identity.path("account").path("companyName").asText());
                }
                Map<String, Identity> identities = resolvedUsers(kafka, 6);
                assertTrue(identities.size() >= 6, "simulated users' logins resolve: " + identities.keySet());

                SimulatorChanges.Change recycled = tickUntilANumberIsRecycled(simulator);
                for (String connection : app.poller.connectionNames()) {
                    app.poller.sweepOnce(connection);
                }
                String account = recycled.accountId();
                String number = recycled.extensionNumber();
                String before = recycled.relatedExtensionId();
                String after = recycled.extensionId();

                JsonNode oldHistory = rows(app.getUntil("/v1/extensions/" + before + "/history",
                        r -> r.status() == 200 && r.body().contains("\"DELETED\""), WAIT));
                JsonNode last = oldHistory.get(oldHistory.size() - 1);
                assertEquals("DELETED", last.path("change").asText());
                JsonNode heldThen = oldHistory.get(0);
                assertEquals(number, heldThen.path("extensionNumber").asText(), "the departed extension held the number");

                TestInstance.Response now = app.getUntil("/v1/accounts/" + account + "/extension-numbers/" + number,
                        r -> r.status() == 200 && r.body().contains("\"extensionId\":\"" + after + "\""), WAIT);
                assertEquals(200, now.status(), now.body());
                TestInstance.Response then = app.get("/v1/accounts/" + account + "/extension-numbers/" + number
                        + "?at=" + heldThen.path("validFrom").asText());
                assertEquals(before, Json.MAPPER.readTree(then.body()).path("extensionId").asText(), then.body());

                JsonNode newHistory = rows(app.get("/v1/extensions/" + after + "/history"));
                assertEquals(number, newHistory.get(newHistory.size() - 1).path("extensionNumber").asText());
                assertFalse(app.poller.isStopped(app.poller.connectionNames().get(0)));
            }
            for (Topic<?, ?> topic : List.of(Topics.ACCOUNTS, Topics.EXTENSIONS, Topics.LOGINS, Topics.IDENTITIES,
                    Topics.EXTENSION_HISTORY)) {
                int checked = PublishedRecords.assertAllMatchTheirSchema(kafka.bootstrapServers(), topic.name(), WAIT);
                assertTrue(checked > 0, "the run left nothing in " + topic.name() + " to check against its schema");
            }
        }
    }

    private static SimulatorChanges.Change tickUntilANumberIsRecycled(RingCentralSimulator simulator) {
        for (int i = 0; i < 20; i++) {
            List<SimulatorChanges.Change> recycled = simulator.tick().of(SimulatorChanges.Kind.NUMBER_RECYCLED);
            if (!recycled.isEmpty()) {
                return recycled.get(0);
            }
        }
        throw new AssertionError("the simulator recycled no number in 20 rounds");
    }

    private static Map<String, Identity> resolvedUsers(KafkaTestCluster kafka, int atLeast) {
        Map<String, Identity> users = new HashMap<>();
        List<ConsumerRecord<String, Identity>> records = kafka.readUntil(Topics.IDENTITIES, read -> {
            read.forEach(r -> {
                if (r.value().resolution() == Resolution.RESOLVED && !r.value().accountRoot()) {
                    users.put(r.key(), r.value());
                }
            });
            return users.size() >= atLeast;
        }, WAIT);
        assertFalse(records.isEmpty());
        return users;
    }

    private static JsonNode rows(TestInstance.Response response) throws Exception {
        assertEquals(200, response.status(), response.body());
        return Json.MAPPER.readTree(response.body()).path("rows");
    }
}
