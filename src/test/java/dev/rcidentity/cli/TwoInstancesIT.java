package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two instances of the application in one JVM, one broker, four partitions: any key answers the same from either
 * instance (forwarded to its owner when needed), the account listing is complete from either, and when one instance
 * stops, lookups keep answering right or say 503 with Retry-After, never a 500 and never a wrong answer.
 */
class TwoInstancesIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)); // within the 30-day retention of rc.logins.v1: older logins may be deleted before they are read
    private static final String ACCOUNT = "600001";
    private static final int OWNERS = 24;

    @TempDir
    Path dir;

    @Test
    void everyKeyAnswersTheSameFromEitherInstanceAndKeepsAnsweringWhenOneStops() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 4)) {
            List<String> owners = load(kafka);
            try (TestInstance first = TestInstance.start(kafka.bootstrapServers(), dir, "two-instances-it", Map.of())
                    .checkedAgainstOpenApi()) {
                TestInstance second = TestInstance.start(kafka.bootstrapServers(), dir, "two-instances-it", Map.of())
                        .checkedAgainstOpenApi();
                try {
                    awaitBothRunningWithTasks(first, second);
                    Map<String, String> expected = new HashMap<>();
                    Set<String> servedBy = new HashSet<>();
                    int forwarded = 0;
                    for (String owner : owners) {
                        TestInstance.Response a = first.getUntil("/v1/identities/" + owner, TwoInstancesIT::complete, WAIT);
                        TestInstance.Response b = second.getUntil("/v1/identities/" + owner, r -> r.status() == 200, WAIT);
                        assertEquals(200, a.status(), a.body());
                        assertEquals(a.body(), b.body(), "both instances give the same identity for " + owner);
                        assertEquals(a.header("X-Served-By"), b.header("X-Served-By"), "one owner answers for " + owner);
                        servedBy.add(a.header("X-Served-By"));
                        forwarded += "forwarded".equals(a.header("X-Served-From")) ? 1 : 0;
                        forwarded += "forwarded".equals(b.header("X-Served-From")) ? 1 : 0;
                        expected.put(owner, a.body());
                    }
                    assertEquals(Set.of(first.name, second.name), servedBy, "keys are spread over both instances");
                    assertEquals(OWNERS, forwarded, "each key is local on one instance and forwarded from the other");
                    assertEquals(listing(first), listing(second));
                    assertEquals(OWNERS, listing(first).size(), "the listing is complete from either instance");

                    second.close();
                    checkWhileRebalancing(first, expected);
                } finally {
                    second.close();
                }
            }
        }
    }

    @Test
    void whenTheOwnerCannotBeReachedAStandbyCopyAnswersAndSaysHowStale() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(dir, 4)) {
            List<String> owners = load(kafka);
            try (TestInstance first = TestInstance.start(kafka.bootstrapServers(), dir, "standby-it", Map.of())
                    .checkedAgainstOpenApi();
                 TestInstance second = TestInstance.start(kafka.bootstrapServers(), dir, "standby-it", Map.of())) {
                awaitBothRunningWithTasks(first, second);
                Map<String, String> ownedBySecond = new HashMap<>();
                for (String owner : owners) {
                    TestInstance.Response response = first.getUntil("/v1/identities/" + owner, TwoInstancesIT::complete, WAIT);
                    if (second.name.equals(response.header("X-Served-By"))) {
                        ownedBySecond.put(owner, response.body());
                    }
                }
                assertTrue(!ownedBySecond.isEmpty(), "the second instance owns some keys");

                second.stopHttp();
                for (Map.Entry<String, String> entry : ownedBySecond.entrySet()) {
                    TestInstance.Response response = first.getUntil("/v1/identities/" + entry.getKey(),
                            r -> r.status() == 200, WAIT);
                    assertEquals(200, response.status(), response.body());
                    assertEquals(entry.getValue(), response.body());
                    assertEquals("standby", response.header("X-Served-From"));
                    assertEquals(first.name, response.header("X-Served-By"));
                    assertTrue(Long.parseLong(response.header("X-Stale-Ms")) <= 30_000, response.header("X-Stale-Ms"));
                }
            }
        }
    }

    /** The identity's final state: its login counted and its account (which arrives by broadcast) filled in. */
    private static boolean complete(TestInstance.Response response) {
        return response.status() == 200 && response.body().contains("\"loginCount\":1")
                && response.body().contains("Initech");
    }

    /** During the hand-over every answer is the right identity or 503 with Retry-After; afterwards all are right. */
    private static void checkWhileRebalancing(TestInstance survivor, Map<String, String> expected) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        int unavailable = 0;
        boolean allAnswered = false;
        while (!allAnswered && Instant.now().isBefore(deadline)) {
            allAnswered = true;
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                TestInstance.Response response = survivor.get("/v1/identities/" + entry.getKey());
                if (response.status() == 200) {
                    assertEquals(entry.getValue(), response.body(), "a right answer or none, for " + entry.getKey());
                } else if (response.status() == 503) {
                    assertNotNull(response.header("Retry-After"), "503 says when to retry");
                    unavailable++;
                    allAnswered = false;
                } else {
                    fail("unexpected " + response.status() + " for " + entry.getKey() + ": " + response.body());
                }
            }
        }
        assertTrue(allAnswered, "after the rebalance every key answers from the survivor (" + unavailable + " 503s on the way)");
        // A cooperative rebalance takes more than one round: a later round may still answer 503 for a moment.
        for (String owner : expected.keySet()) {
            TestInstance.Response response = survivor.get("/v1/identities/" + owner);
            while (response.status() == 503 && Instant.now().isBefore(deadline)) {
                assertNotNull(response.header("Retry-After"), "503 says when to retry");
                response = survivor.get("/v1/identities/" + owner);
            }
            assertEquals(200, response.status(), owner + ": " + response.body());
            assertEquals(survivor.name, response.header("X-Served-By"), owner);
        }
    }

    private static void awaitBothRunningWithTasks(TestInstance first, TestInstance second) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (running(first) && running(second)
                    && !first.streams().metadataForLocalThreads().iterator().next().activeTasks().isEmpty()
                    && !second.streams().metadataForLocalThreads().iterator().next().activeTasks().isEmpty()) {
                return;
            }
            Thread.sleep(100); // the poll interval of a wait on a condition
        }
        fail("both instances did not get active tasks within " + WAIT);
    }

    private static boolean running(TestInstance instance) {
        return instance.streams().state() == KafkaStreams.State.RUNNING;
    }

    private static List<String> listing(TestInstance instance) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            TestInstance.Response response = instance.get("/v1/accounts/" + ACCOUNT + "/extensions?perPage=5&page=" + page);
            assertEquals(200, response.status(), response.body());
            JsonNode records = Json.MAPPER.readTree(response.body()).path("records");
            records.forEach(r -> ids.add(r.path("extensionId").asText()));
            if (records.size() < 5) {
                break;
            }
        }
        return ids;
    }

    private static List<String> load(KafkaTestCluster kafka) throws Exception {
        List<String> owners = new ArrayList<>();
        List<Map.Entry<String, ExtensionSnapshot>> snapshots = new ArrayList<>();
        List<Map.Entry<String, LoginEvent>> logins = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            String id = String.valueOf(600100 + i);
            owners.add(id);
            snapshots.add(Map.entry(id, new ExtensionSnapshot(ACCOUNT, id, String.valueOf(100 + i), "User " + i, "User",
                    null, "Enabled", false, false, null, null, null, false, T0)));
            logins.add(Map.entry(id, new LoginEvent(id, ACCOUNT, T0.plusSeconds(60), LoginEvent.SOURCE_INGEST,
                    null, null, null, null)));
        }
        kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT, new AccountSnapshot(ACCOUNT, "Initech", "+15125550100",
                "Confirmed", "RingCentral", T0))), T0);
        kafka.send(Topics.EXTENSIONS, snapshots, T0);
        kafka.send(Topics.LOGINS, logins, T0.plusSeconds(60));
        return owners;
    }
}
