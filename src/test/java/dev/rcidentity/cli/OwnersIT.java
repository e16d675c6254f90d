package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two instances, four partitions: owners that never logged in answer from their snapshot, and read-your-writes
 * logins: a login posted with {@code ?wait} to one instance is never read stale with its token from the other.
 */
class OwnersIT {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final String ACCOUNT = "800001";
    static final String LOGGED_IN = "800100";
    static final String NEVER_LOGGED_IN = "800101";
    static final String DELETED = "800102";
    /** Extensions that only get snapshots: keys spread over both instances. */
    static final List<String> SEATS = new ArrayList<>();

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static TestInstance first;
    static TestInstance second;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.start(dir, 4);
        List<Map.Entry<String, ExtensionSnapshot>> snapshots = new ArrayList<>(List.of(
                Map.entry(LOGGED_IN, extension(LOGGED_IN, "100", false, T0)),
                Map.entry(NEVER_LOGGED_IN, extension(NEVER_LOGGED_IN, "101", false, T0)),
                Map.entry(DELETED, extension(DELETED, "102", true, T0))));
        for (int i = 0; i < 40; i++) {
            String id = String.valueOf(800200 + i);
            SEATS.add(id);
            snapshots.add(Map.entry(id, extension(id, String.valueOf(200 + i), false, T0)));
        }
        kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT, new AccountSnapshot(ACCOUNT, "Globex", "+15125550199",
                "Confirmed", "RingCentral", T0))), T0);
        kafka.send(Topics.EXTENSIONS, snapshots, T0);
        kafka.send(Topics.LOGINS, List.of(Map.entry(LOGGED_IN, new LoginEvent(LOGGED_IN, ACCOUNT, T0.plusSeconds(60),
                LoginEvent.SOURCE_INGEST, null, null, null, null))), T0.plusSeconds(60));
        first = TestInstance.start(kafka.bootstrapServers(), dir, "owners-it", Map.of());
        second = TestInstance.start(kafka.bootstrapServers(), dir, "owners-it", Map.of());
        awaitBothActive();
        for (TestInstance instance : List.of(first, second)) {
            TestInstance.Response last = instance.getUntil("/v1/owners/" + SEATS.get(SEATS.size() - 1),
                    r -> r.status() == 200 && r.body().contains("Globex"), WAIT);
            assertEquals(200, last.status(), last.body());
            assertEquals(200, instance.getUntil("/v1/identities/" + LOGGED_IN,
                    r -> r.status() == 200 && r.body().contains("Globex"), WAIT).status());
        }
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        kafka.close();
    }

    static JsonNode json(TestInstance.Response response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    static void assertError(TestInstance.Response response, int status, String code) throws Exception {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, json(response).path("error").path("code").asText(), response.body());
    }

    @Test
    void anOwnerAnswersFromItsIdentityOrElseFromItsSnapshotFromEitherInstance() throws Exception {
        for (TestInstance instance : List.of(first, second)) {
            JsonNode identity = json(instance.get("/v1/owners/" + LOGGED_IN));
            assertEquals("identity", identity.path("source").asText(), identity.toString());
            assertEquals(1, identity.path("loginCount").asLong());

            TestInstance.Response resolved = instance.get("/v1/owners/" + NEVER_LOGGED_IN);
            assertEquals(200, resolved.status(), resolved.body());
            JsonNode owner = json(resolved);
            assertEquals("snapshot", owner.path("source").asText());
            assertEquals("RESOLVED", owner.path("resolution").asText());
            assertEquals(0, owner.path("loginCount").asLong());
            assertTrue(owner.path("lastLoginAt").isNull() && owner.path("firstLoginAt").isNull(), owner.toString());
            assertEquals("Globex", owner.path("account").path("companyName").asText());
            assertEquals("101", owner.path("extensionNumber").asText());
            assertNotNull(resolved.header("X-Served-By"));
            assertError(instance.get("/v1/identities/" + NEVER_LOGGED_IN), 404, "not_found");

            assertEquals("DELETED", json(instance.get("/v1/owners/" + DELETED)).path("resolution").asText());
            assertError(instance.get("/v1/owners/800999"), 404, "not_found");
            assertError(instance.get("/v1/owners/80x"), 400, "bad_request");
        }
        assertEquals(json(first.get("/v1/owners/" + NEVER_LOGGED_IN)), json(second.get("/v1/owners/" + NEVER_LOGGED_IN)));
    }

    @Test
    void aLoginPostedWithWaitIsNeverReadStaleWithItsTokenFromTheOtherInstance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                TestInstance writeTo = w % 2 == 0 ? first : second;
                TestInstance readFrom = writeTo == first ? second : first;
                List<String> owners = SEATS.subList(w * 10, w * 10 + 10);
                writers.add(pool.submit(() -> loginAndReadBack(writeTo, readFrom, owners, 6)));
            }
            int answeredAtOnce = 0;
            int unavailable = 0;
            for (Future<int[]> writer : writers) {
                int[] counts = writer.get();
                answeredAtOnce += counts[0];
                unavailable += counts[1];
            }
            assertTrue(answeredAtOnce > 0, "some logins were visible within the wait");
            assertTrue(unavailable < 240, "the reads after the token mostly answered (" + unavailable + " 503s)");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts {@code rounds} logins per owner, each read back from the other instance with its token; {200s, 503s}. */
    private static int[] loginAndReadBack(TestInstance writeTo, TestInstance readFrom, List<String> owners, int rounds)
            throws Exception {
        int visible = 0;
        int unavailable = 0;
        for (int round = 1; round <= rounds; round++) {
            for (String owner : owners) {
                Instant at = T0.plus(Duration.ofHours(round));
                TestInstance.Response posted = writeTo.post("/v1/logins?wait=PT2S",
                        "{\"owner_id\": \"" + owner + "\", \"loggedInAt\": \"" + at + "\"}", null);
                String token = posted.header("X-Consistency-Token");
                assertNotNull(token, posted.status() + " " + posted.body());
                if (posted.status() == 200) {
                    assertReflects(json(posted), round, at, "the answer of the wait");
                    visible++;
                } else {
                    assertEquals(202, posted.status(), posted.body());
                }
                for (String path : List.of("/v1/identities/", "/v1/owners/")) {
                    TestInstance.Response read = readFrom.get(path + owner + "?after=" + token);
                    if (read.status() == 503) {
                        assertNotNull(read.header("Retry-After"));
                        unavailable++;
                    } else {
                        assertEquals(200, read.status(), read.body());
                        assertReflects(json(read), round, at, path + owner + " from " + readFrom.name);
                    }
                }
            }
        }
        return new int[]{visible, unavailable};
    }

    private static void assertReflects(JsonNode identity, int logins, Instant at, String what) {
        if (identity.path("loginCount").asLong() < logins || !at.toString().equals(identity.path("lastLoginAt").asText())) {
            fail("stale answer for " + what + ": expected login " + logins + " at " + at + ", got " + identity);
        }
    }

    @Test
    void badWaitsAndForeignTokensAre400() throws Exception {
        assertError(first.post("/v1/logins?wait=PT11S", "{\"owner_id\": \"" + LOGGED_IN + "\"}", null), 400, "bad_request");
        assertError(first.post("/v1/logins?wait=soon", "{\"owner_id\": \"" + LOGGED_IN + "\"}", null), 400, "bad_request");
        TestInstance.Response posted = first.post("/v1/logins", "{\"owner_id\": \"" + LOGGED_IN + "\"}", null);
        assertEquals(202, posted.status());
        String token = posted.header("X-Consistency-Token");
        assertNotNull(token, "a login without wait carries its token too");
        assertError(second.get("/v1/identities/" + LOGGED_IN + "?after=garbage"), 400, "bad_request");
        assertError(second.get("/v1/owners/" + LOGGED_IN + "?after=" + token + "&wait=PT20S"), 400, "bad_request");
        String foreign = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "c1.0123456789abcdef.1.5".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertError(second.get("/v1/identities/" + LOGGED_IN + "?after=" + foreign), 400, "bad_request");
        TestInstance.Response read = second.get("/v1/identities/" + LOGGED_IN + "?after=" + token + "&wait=PT5S");
        assertEquals(200, read.status(), read.body());
        assertFalse(read.body().contains("\"loginCount\":1,"), "the second login is counted: " + read.body());
    }

    static void awaitBothActive() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (active(first) && active(second)) {
                return;
            }
            Thread.sleep(100); // the poll interval of a wait on a condition
        }
        fail("both instances did not get active tasks within " + WAIT);
    }

    private static boolean active(TestInstance instance) {
        return instance.streams().state() == KafkaStreams.State.RUNNING
                && !instance.streams().metadataForLocalThreads().iterator().next().activeTasks().isEmpty();
    }

    static ExtensionSnapshot extension(String id, String number, boolean deleted, Instant at) {
        return new ExtensionSnapshot(ACCOUNT, id, number, "User " + id, "User", null, "Enabled", false, false, null,
                null, null, deleted, at);
    }
}
