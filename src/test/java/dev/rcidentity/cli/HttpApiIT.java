package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.contract.ApiContract;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every /v1 endpoint of one instance with API_TOKEN set: found, not found, malformed, unauthorized. Every answer the
 * tests receive must be one the OpenAPI document allows (status, media type, body schema, headers), and the document
 * names exactly the routes the instance serves.
 */
class HttpApiIT {
    private static final String TOKEN = "test-token-123";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)); // within the 30-day retention of rc.logins.v1: older logins may be deleted before they are read
    private static final String ACCOUNT = "700001";
    private static final String ALICE = "700101";
    private static final String BOB = "700102";
    private static final String SEAT = "700103";

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static TestInstance api;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.start(dir, 3);
        kafka.send(Topics.ACCOUNTS, List.of(Map.entry(ACCOUNT, new AccountSnapshot(ACCOUNT, "Acme", "+16505550100",
                "Confirmed", "RingCentral", T0))), T0);
        kafka.send(Topics.EXTENSIONS, List.of(
                Map.entry(ACCOUNT, extension(ACCOUNT, "101", "Admin", "User", "Enabled", T0)),
                Map.entry(ALICE, extension(ALICE, "420", "Alice", "User", "Enabled", T0)),
                Map.entry(BOB, extension(BOB, "421", "Bob", "User", "Disabled", T0)),
                Map.entry(SEAT, extension(SEAT, null, null, "User", "Unassigned", T0)),
                Map.entry(ALICE, extension(ALICE, "420", "Alice Smith", "User", "Enabled", T0.plusSeconds(600)))), T0);
        kafka.send(Topics.LOGINS, List.of(Map.entry(ALICE, new LoginEvent(ALICE, null, T0.plusSeconds(60),
                LoginEvent.SOURCE_POLLER, null, null, null, null))), T0.plusSeconds(60));
        api = TestInstance.start(kafka.bootstrapServers(), dir, "http-api-it", Map.of(SettingKeys.API_TOKEN.key(), TOKEN))
                .checkedAgainstOpenApi();
        TestInstance.Response ready = api.getUntil("/v1/extensions/" + ALICE + "/history",
                r -> r.status() == 200 && r.body().contains("RENAMED"), WAIT);
        assertEquals(200, ready.status(), ready.body());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        kafka.close();
    }

    private static TestInstance.Response get(String path) throws Exception {
        return api.get(path, TOKEN);
    }

    private static JsonNode json(TestInstance.Response response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static void assertError(TestInstance.Response response, int status, String code) throws Exception {
        assertEquals(status, response.status(), response.body());
        assertEquals(code, json(response).path("error").path("code").asText(), response.body());
        assertFalse(json(response).path("error").path("message").asText().isEmpty());
    }

    @Test
    void identities() throws Exception {
        TestInstance.Response found = api.getUntil("/v1/identities/" + ALICE,
                r -> r.status() == 200 && r.body().contains("Acme"), WAIT);
        JsonNode identity = json(found);
        assertEquals("RESOLVED", identity.path("resolution").asText(), found.status() + " " + found.body());
        assertEquals("Alice Smith", identity.path("name").asText());
        assertEquals("Acme", identity.path("account").path("companyName").asText());
        assertEquals(api.name, found.header("X-Served-By"));
        assertError(get("/v1/identities/" + BOB), 404, "not_found");
        assertError(get("/v1/identities/12x"), 400, "bad_request");
    }

    @Test
    void extensionsNowAndAsOfATime() throws Exception {
        assertEquals("Alice Smith", json(get("/v1/extensions/" + ALICE)).path("name").asText());
        assertEquals("Alice", json(get("/v1/extensions/" + ALICE + "?at=" + T0.plusSeconds(300))).path("name").asText());
        assertError(get("/v1/extensions/" + ALICE + "?at=" + T0.minusSeconds(1)), 404, "not_found");
        assertError(get("/v1/extensions/" + ALICE + "?at=yesterday"), 400, "bad_request");
        assertError(get("/v1/extensions/999"), 404, "not_found");
        assertError(get("/v1/extensions/-1"), 400, "bad_request");
    }

    @Test
    void historyOldestFirst() throws Exception {
        JsonNode rows = json(get("/v1/extensions/" + ALICE + "/history")).path("rows");
        assertEquals(2, rows.size());
        assertEquals(ALICE + ":1", rows.get(0).path("rowId").asText());
        assertEquals(T0.plusSeconds(600).toString(), rows.get(0).path("validTo").asText());
        assertEquals("RENAMED", rows.get(1).path("change").asText());
        assertTrue(rows.get(1).path("current").asBoolean());
        assertError(get("/v1/extensions/999/history"), 404, "not_found");
        assertError(get("/v1/extensions/abc/history"), 400, "bad_request");
    }

    @Test
    void accountsWithExtensionCounts() throws Exception {
        JsonNode account = json(get("/v1/accounts/" + ACCOUNT));
        assertEquals("Acme", account.path("companyName").asText());
        assertEquals(2, account.path("extensionCounts").path("Enabled").asLong());
        assertEquals(1, account.path("extensionCounts").path("Disabled").asLong());
        assertEquals(1, account.path("extensionCounts").path("Unassigned").asLong());
        assertError(get("/v1/accounts/999"), 404, "not_found");
        assertError(get("/v1/accounts/acme"), 400, "bad_request");
    }

    @Test
    void theListingPagesThroughEveryExtensionOnceAndFilters() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            JsonNode body = json(get("/v1/accounts/" + ACCOUNT + "/extensions?page=" + page + "&perPage=1"));
            assertEquals(4, body.path("paging").path("totalElements").asLong());
            assertEquals(4, body.path("paging").path("totalPages").asLong());
            body.path("records").forEach(r -> order.add(r.path("extensionId").asText()));
        }
        seen.addAll(order);
        assertEquals(Set.of(ACCOUNT, ALICE, BOB, SEAT), seen);
        assertEquals(4, order.size(), "no extension twice: " + order);
        assertEquals(0, json(get("/v1/accounts/" + ACCOUNT + "/extensions?page=5&perPage=1")).path("records").size());

        JsonNode enabled = json(get("/v1/accounts/" + ACCOUNT + "/extensions?status=Enabled&status=Unassigned&type=User"));
        assertEquals(3, enabled.path("paging").path("totalElements").asLong());
        assertEquals(0, json(get("/v1/accounts/" + ACCOUNT + "/extensions?type=IvrMenu")).path("records").size());
        assertError(get("/v1/accounts/" + ACCOUNT + "/extensions?perPage=5000"), 400, "bad_request");
        assertError(get("/v1/accounts/" + ACCOUNT + "/extensions?page=zero"), 400, "bad_request");
    }

    @Test
    void whoHadANumberAtATime() throws Exception {
        TestInstance.Response now = get("/v1/accounts/" + ACCOUNT + "/extension-numbers/420");
        assertEquals(200, now.status(), now.body());
        assertEquals("Alice Smith", json(now).path("name").asText());
        JsonNode then = json(get("/v1/accounts/" + ACCOUNT + "/extension-numbers/420?at=" + T0.plusSeconds(1)));
        assertEquals("Alice", then.path("name").asText());
        assertError(get("/v1/accounts/" + ACCOUNT + "/extension-numbers/420?at=" + T0.minusSeconds(1)), 404, "not_found");
        assertError(get("/v1/accounts/" + ACCOUNT + "/extension-numbers/777"), 404, "not_found");
        assertError(get("/v1/accounts/" + ACCOUNT + "/extension-numbers/4x0"), 400, "bad_request");
    }

    @Test
    void everyV1CallNeedsTheTokenButHealthDoesNot() throws Exception {
        assertError(api.get("/v1/identities/" + ALICE, null), 401, "unauthorized");
        assertError(api.get("/v1/identities/" + ALICE, "wrong"), 401, "unauthorized");
        assertError(api.post("/v1/logins", "{\"owner_id\": \"1\"}", null), 401, "unauthorized");
        assertEquals(200, api.get("/health/live", null).status());
        assertEquals(200, api.get("/health/ready", null).status());
        String metrics = api.get("/metrics", null).body();
        assertTrue(metrics.contains("rc_identity_http_requests"), "the API's own metrics are exported");
        assertTrue(metrics.contains("kafka_stream"), "Kafka Streams client metrics are exported");
    }

    @Test
    void anIngestedTokenResponseBecomesALoginWithoutItsTokens() throws Exception {
        String owner = "700199";
        String tokenResponse = """
                {"access_token": "U0VDUkVULUFDQ0VTUw", "token_type": "bearer", "expires_in": 3600,
                 "refresh_token": "U0VDUkVULVJFRlJFU0g", "refresh_token_expires_in": 604800,
                 "scope": "ReadAccounts", "owner_id": "%s", "endpoint_id": "ep-9", "id_token": "U0VDUkVULUlE",
                 "accountId": "%s", "loggedInAt": "%s"}""".formatted(owner, ACCOUNT, T0.plus(Duration.ofHours(25)));
        TestInstance.Response accepted = api.post("/v1/logins", tokenResponse, TOKEN);
        assertEquals(202, accepted.status(), accepted.body());

        Topic<String, String> raw = new Topic<>(Topics.LOGINS.name(), Serdes.String(), Serdes.String());
        List<ConsumerRecord<String, String>> logins = kafka.readUntil(raw,
                r -> r.stream().anyMatch(c -> owner.equals(c.key())), WAIT);
        String published = logins.stream().filter(c -> owner.equals(c.key())).findFirst().orElseThrow().value();
        assertFalse(published.contains("U0VDUkVU"), published);
        LoginEvent login = Json.MAPPER.readValue(published.getBytes(StandardCharsets.UTF_8), LoginEvent.class);
        assertEquals(LoginEvent.SOURCE_INGEST, login.source());
        assertEquals(ACCOUNT, login.accountId());
        assertEquals("ep-9", login.endpointId());
        assertEquals(T0.plus(Duration.ofHours(25)), login.loggedInAt());

        JsonNode identity = json(api.getUntil("/v1/identities/" + owner,
                r -> r.status() == 200 && r.body().contains("Acme"), WAIT));
        assertEquals("UNRESOLVED", identity.path("resolution").asText());
        assertEquals(ACCOUNT, identity.path("accountId").asText());
        assertEquals("Acme", identity.path("account").path("companyName").asText(), "the account the login named");
    }

    @Test
    void badLoginReportsAreRefusedWithAClearError() throws Exception {
        assertError(api.post("/v1/logins", "{\"access_token\": \"x\"}", TOKEN), 400, "bad_request");
        assertError(api.post("/v1/logins", "not json", TOKEN), 400, "bad_request");
        assertError(api.post("/v1/logins", "[1, 2]", TOKEN), 400, "bad_request");
        assertError(api.post("/v1/logins", "{\"owner_id\": \"abc\"}", TOKEN), 400, "bad_request");
        assertError(api.post("/v1/logins", "{\"owner_id\": \"1\", \"loggedInAt\": \"noon\"}", TOKEN), 400, "bad_request");
        assertError(api.post("/v1/logins", "{\"owner_id\": \"1\", \"pad\": \"" + "x".repeat(70_000) + "\"}", TOKEN),
                413, "payload_too_large");
        assertError(api.get("/v1/logins", TOKEN), 405, "method_not_allowed");
        assertError(api.get("/v1/nothing-here", TOKEN), 404, "not_found");
    }

    @Test
    void theOpenApiDocumentNamesEveryServedRouteAndNoOther() {
        Set<String> served = new TreeSet<>(api.routes());
        served.removeIf(route -> route.split(" ")[1].startsWith(ApiContract.INTERNAL_PREFIX));
        for (String ahead : ApiContract.DOCUMENTED_AHEAD_OF_THEIR_ROUTES) {
            assertFalse(served.contains(ahead), ahead + " is served now: take it out of DOCUMENTED_AHEAD_OF_THEIR_ROUTES");
        }
        Set<String> expected = new TreeSet<>(served);
        expected.addAll(ApiContract.DOCUMENTED_AHEAD_OF_THEIR_ROUTES);
        assertEquals(expected, ApiContract.documentedRoutes());
    }

    @Test
    void everyInstanceServesTheBundledDocumentWithoutAToken() throws Exception {
        TestInstance.Response document = api.get("/openapi.json", null);
        assertEquals(200, document.status());
        assertEquals(ApiContract.document(), json(document));
        assertEquals(document.header("ETag"), api.get("/openapi.json", null).header("ETag"));
    }

    private static ExtensionSnapshot extension(String id, String number, String name, String type, String status, Instant at) {
        return new ExtensionSnapshot(ACCOUNT, id, number, name, type, null, status, id.equals(ACCOUNT), false, null,
                null, null, false, at);
    }
}
