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
import java.time.temporal.ChronoUnit;
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
 * Two instances, four partitions: owners that never logged in answer from their snapshot; read-your-writes logins (a
 * login posted with {@code ?wait} to one instance is never read stale with its token from the other); batches of
 * owners and of number lookups across both instances.
 */
class OwnersIT {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)); // within the 30-day retention of rc.logins.v1: older logins may be deleted before they are read
    static final String ACCOUNT = "800001";
    static final String LOGGED_IN = "800100";
    static final String NEVER_LOGGED_IN = "800101";
    static final String DELETED = "800102";
    /** Extensions that only get snapshots: keys spread over both instances. */
    static final List<String> SEATS = new ArrayList<>();
    /** Holds number 500 from T0 until T0+1h, when it moves to 501. */
    static final String FIRST_HOLDER = "800300";
    /** Holds number 500 from T0+2h. */
    static final String SECOND_HOLDER = "800301";

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
        for (ExtensionSnapshot move : List.of(extension(FIRST_HOLDER, "500", false, T0),
                extension(FIRST_HOLDER, "501", false, T0.plus(Duration.ofHours(1))),
                extension(SECOND_HOLDER, "500", false, T0.plus(Duration.ofHours(2))))) {
            kafka.send(Topics.EXTENSIONS, List.of(Map.entry(move.extensionId(), move)), move.observedAt());
        }
        kafka.send(Topics.LOGINS, List.of(Map.entry(LOGGED_IN, new LoginEvent(LOGGED_IN, ACCOUNT, T0.plusSeconds(60),
                LoginEvent.SOURCE_INGEST, null, null, null, null))), T0.plusSeconds(60));
        first = TestInstance.start(kafka.bootstrapServers(), dir, "owners-it", Map.of());
        awaitLoaded(first); // one instance first: it creates the internal topics before a second one joins
        second = TestInstance.start(kafka.bootstrapServers(), dir, "owners-it", Map.of());
        awaitBothActive();
        awaitLoaded(first);
        awaitLoaded(second);
    }

    private static void awaitLoaded(TestInstance instance) throws Exception {
        TestInstance.Response last = instance.getUntil("/v1/owners/" + SEATS.get(SEATS.size() - 1),
                r -> r.status() == 200 && r.body().contains("Globex"), WAIT);
        assertEquals(200, last.status(), last.body());
        TestInstance.Response identity = instance.getUntil("/v1/identities/" + LOGGED_IN,
                r -> r.status() == 200 && r.body().contains("Globex"), WAIT);
        assertEquals(200, identity.status(), identity.body());
        TestInstance.Response number = instance.getUntil("/v1/accounts/" + ACCOUNT + "/extension-numbers/500?at="
                + T0.plus(Duration.ofHours(3)), r -> r.status() == 200 && r.body().contains(SECOND_HOLDER), WAIT);
        assertEquals(200, number.status(), number.body());
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
            assertTrue(identity.path("loginCount").asLong() >= 1, identity.toString());

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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<int[]>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                TestInstance writeTo = w == 0 ? first : second;
                TestInstance readFrom = writeTo == first ? second : first;
                List<String> owners = SEATS.subList(w * 20, w * 20 + 20);
                writers.add(pool.submit(() -> loginAndReadBack(writeTo, readFrom, owners, 3)));
            }
            int answeredAtOnce = 0;
            int unavailable = 0;
            for (Future<int[]> writer : writers) {
                int[] counts = writer.get();
                answeredAtOnce += counts[0];
                unavailable += counts[1];
            }
            assertTrue(answeredAtOnce > 0, "some logins were visible within the wait");
            assertTrue(unavailable < 120, "the reads after the token mostly answered (" + unavailable + " 503s)");
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
                        assertEquals(200, read.status(), read.body() + " after POST " + posted.status() + " "
                                + posted.header("X-Served-By") + " token " + token + "; read " + read.headers());
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

    @Test
    void aReplayedLoginThatChangesNothingIsStillSeenProcessedByItsWait() throws Exception {
        String owner = SEATS.get(5);
        String login = "{\"owner_id\": \"" + owner + "\", \"loggedInAt\": \"" + T0.plusMillis(317_123) + "\"}";
        TestInstance.Response posted = first.post("/v1/logins?wait=PT5S", login, null);
        assertEquals(200, posted.status(), posted.body());
        long counted = json(posted).path("loginCount").asLong(); // other tests log this seat in too
        // The same login again: counted once, so the identity store is not written and its position does not move.
        for (TestInstance instance : List.of(first, second)) {
            TestInstance.Response replayed = instance.post("/v1/logins?wait=PT5S", login, null);
            assertEquals(200, replayed.status(), "a replay's wait ends when its record is processed: " + replayed.body());
            assertEquals(counted, json(replayed).path("loginCount").asLong(), "counted once: " + replayed.body());
            String token = replayed.header("X-Consistency-Token");
            TestInstance.Response read = instance.get("/v1/owners/" + owner + "?after=" + token + "&wait=PT5S");
            assertEquals(200, read.status(), read.body());
        }
    }

    @Test
    void aBatchOfOwnersOnBothInstancesAnswersInOrderWithOneForwardedRequestPerInstance() throws Exception {
        List<String> ids = new ArrayList<>(SEATS);
        ids.add(3, "80x");
        ids.add(7, "800999");
        ids.add(NEVER_LOGGED_IN);
        ids.add(LOGGED_IN);
        StringBuilder body = new StringBuilder("{\"ownerIds\": [");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ", ").append('"').append(ids.get(i)).append('"');
        }
        body.append(", 42]}");
        double forwardedBefore = internalRequests(second);
        double selfBefore = internalRequests(first);
        TestInstance.Response response = first.post("/v1/owners/resolve", body.toString(), null);
        assertEquals(200, response.status(), response.body());
        assertEquals(1, internalRequests(second) - forwardedBefore, "one request to the other instance for all its keys");
        assertEquals(0, internalRequests(first) - selfBefore, "none to itself");
        assertTrue(response.header("X-Served-By").contains(first.name) && response.header("X-Served-By").contains(second.name),
                response.header("X-Served-By"));

        JsonNode results = json(response).path("results");
        assertEquals(ids.size() + 1, results.size());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode result = results.get(i);
            String id = ids.get(i);
            if (id.equals("80x")) {
                assertEquals("bad_request", result.path("error").path("code").asText(), result.toString());
                assertEquals("80x", result.path("ownerId").asText());
            } else if (id.equals("800999")) {
                assertEquals("not_found", result.path("error").path("code").asText(), result.toString());
            } else {
                assertEquals(id, result.path("ownerId").asText(), "in request order");
                assertEquals(id.equals(LOGGED_IN) ? "identity" : "snapshot", result.path("source").asText(), result.toString());
                assertEquals("Globex", result.path("account").path("companyName").asText());
            }
        }
        assertEquals("bad_request", results.get(ids.size()).path("error").path("code").asText());
        assertEquals(json(first.get("/v1/owners/" + NEVER_LOGGED_IN)), results.get(ids.size() - 2),
                "an item answers as GET /v1/owners/{ownerId} does");
    }

    @Test
    void aNumberBatchFollowsARecycledNumberAndAnswersBadItemsInPlace() throws Exception {
        String body = """
                {"queries": [
                  {"accountId": "%1$s", "extensionNumber": "500", "at": "%2$s"},
                  {"accountId": "%1$s", "extensionNumber": "500", "at": "%3$s"},
                  {"accountId": "%1$s", "extensionNumber": "500", "at": "%4$s"},
                  {"accountId": "%1$s", "extensionNumber": "500", "at": "%5$s"},
                  {"accountId": "%1$s", "extensionNumber": "501", "at": "%4$s"},
                  {"accountId": "x", "extensionNumber": "500", "at": "%2$s"},
                  {"accountId": "%1$s", "extensionNumber": "5a", "at": "%2$s"},
                  {"accountId": "%1$s", "extensionNumber": "500", "at": "yesterday"},
                  "500",
                  {"accountId": "%1$s", "extensionNumber": "200"}
                ]}""".formatted(ACCOUNT, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(90)),
                T0.plus(Duration.ofHours(3)), T0.minus(Duration.ofHours(1)));
        for (TestInstance instance : List.of(first, second)) {
            TestInstance.Response response = instance.post("/v1/numbers/resolve", body, null);
            assertEquals(200, response.status(), response.body());
            JsonNode results = json(response).path("results");
            assertEquals(10, results.size());
            assertEquals(FIRST_HOLDER, results.get(0).path("extensionId").asText(), results.get(0).toString());
            assertEquals("500", results.get(0).path("extensionNumber").asText(), "the snapshot as of that time");
            assertEquals("not_found", results.get(1).path("error").path("code").asText(), "between the two holders");
            assertEquals("500", results.get(1).path("extensionNumber").asText(), "a failed item echoes its query");
            assertEquals(SECOND_HOLDER, results.get(2).path("extensionId").asText(), results.get(2).toString());
            assertEquals("not_found", results.get(3).path("error").path("code").asText(), "before the first holder");
            assertEquals(FIRST_HOLDER, results.get(4).path("extensionId").asText());
            assertEquals("501", results.get(4).path("extensionNumber").asText());
            for (int i = 5; i <= 8; i++) {
                assertEquals("bad_request", results.get(i).path("error").path("code").asText(), results.get(i).toString());
            }
            assertEquals("800200", results.get(9).path("extensionId").asText(), "at defaults to now");
        }
    }

    @Test
    void batchesOverTheLimitsAre413() throws Exception {
        String tooMany = "{\"ownerIds\": [" + "\"1\",".repeat(1_000) + "\"1\"]}";
        assertError(first.post("/v1/owners/resolve", tooMany, null), 413, "payload_too_large");
        String tooLarge = "{\"queries\": [], \"pad\": \"" + "x".repeat(300_000) + "\"}";
        assertError(first.post("/v1/numbers/resolve", tooLarge, null), 413, "payload_too_large");
        assertError(first.post("/v1/numbers/resolve", "{\"ownerIds\": []}", null), 400, "bad_request");
    }

    /** How many batches this instance answered for other instances, from its request metrics. */
    private static double internalRequests(TestInstance instance) throws Exception {
        double total = 0;
        for (String line : instance.get("/metrics").body().split("\n")) {
            if (line.startsWith("rc_identity_http_requests_seconds_count") && line.contains("/internal/v1/owners/resolve")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
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
