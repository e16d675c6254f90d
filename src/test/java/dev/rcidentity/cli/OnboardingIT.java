package dev.rcidentity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.OAuthState;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.onboarding.TokenClient;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.testing.LogCapture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Onboarding end to end on the embedded broker: a browser (a real HTTP client following redirects) goes from a connect
 * link through the simulator's consent to the callback; admins create, list and remove connections. Nothing any test
 * does leaves a token, JWT or client secret in a response, a log line or any record of any topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingIT {
    private static final String ADMIN = "it-admin-token-5ac1";
    private static final String API = "it-api-token-77d0";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] KEY = new byte[CredentialKeys.KEY_BYTES];

    @TempDir
    static Path dir;
    static LogCapture logs;
    static KafkaTestCluster kafka;
    static RingCentralSimulator simulator;
    static TestInstance api;
    static final List<String> answers = new CopyOnWriteArrayList<>();
    static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        logs = new LogCapture();
        new SecureRandom().nextBytes(KEY);
        kafka = KafkaTestCluster.start(dir, 2);
        simulator = RingCentralSimulator.start(SimulatorOptions.builder().accounts(3).extensionsPerAccount(20)
                .limit(RateLimitGroup.AUTH, 1000).build());
        api = TestInstance.start(kafka.bootstrapServers(), dir, "onboarding-it", Map.of(
                SettingKeys.ADMIN_TOKEN.key(), ADMIN,
                SettingKeys.API_TOKEN.key(), API,
                SettingKeys.CREDENTIALS_KEY.key(), Base64.getEncoder().encodeToString(KEY),
                SettingKeys.RC_SERVER_URL.key(), simulator.baseUrl().toString(),
                SettingKeys.RC_CLIENT_ID.key(), simulator.appCredentials().clientId(),
                SettingKeys.RC_CLIENT_SECRET.key(), simulator.appCredentials().clientSecret()));
        simulator.consent().registerRedirectUri(api.base() + "/oauth/callback");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    private static String account(int i) {
        return simulator.accounts().get(i).accountId();
    }

    private static TestInstance.Response admin(String method, String path, String body) throws Exception {
        TestInstance.Response response = switch (method) {
            case "GET" -> api.get(path, ADMIN);
            case "DELETE" -> api.delete(path, ADMIN);
            default -> api.post(path, body, ADMIN);
        };
        answers.add(response.headers() + response.body());
        return response;
    }

    private static HttpResponse<String> open(HttpClient client, URI uri) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        answers.add(response.headers().map() + response.body());
        return response;
    }

    private static URI link(String name) throws Exception {
        TestInstance.Response issued = admin("POST", "/v1/connections/links",
                Json.MAPPER.createObjectNode().put("name", name).toString());
        assertEquals(201, issued.status(), issued.body());
        return URI.create(Json.MAPPER.readTree(issued.body()).path("url").asText());
    }

    /** The callback URL the simulator's consent sends the browser to, without following it. */
    private static URI consentedCallback(String name) throws Exception {
        HttpResponse<String> toConsent = open(noRedirects, link(name));
        assertEquals(302, toConsent.statusCode(), toConsent.body());
        HttpResponse<String> toCallback = noRedirects.send(HttpRequest.newBuilder(
                URI.create(toConsent.headers().firstValue("Location").orElseThrow())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, toCallback.statusCode(), toCallback.body());
        return URI.create(toCallback.headers().firstValue("Location").orElseThrow());
    }

    private static List<ConsumerRecord<String, Connection>> connectionRecords(int atLeast) {
        return kafka.readUntil(Topics.CONNECTIONS, r -> r.size() >= atLeast, atLeast == 0 ? Duration.ofSeconds(1) : WAIT);
    }

    private static Optional<Connection> storedNamed(String name) {
        List<ConsumerRecord<String, Connection>> records = connectionRecords(0);
        return records.stream().map(ConsumerRecord::value).filter(c -> c != null && c.name().equals(name)).findFirst();
    }

    @Test
    @Order(1)
    void aBrowserConnectsACompanyThroughRingCentralsConsent() throws Exception {
        Set<String> before = simulator.issuedTokens();
        simulator.consent().nextByAdmin(account(0));
        HttpResponse<String> page = open(browser, link("Acme via OAuth"));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("RingCentral connected"), page.body());
        assertEquals(api.base() + "/oauth/callback", page.uri().toString().substring(0, page.uri().toString().indexOf('?')));

        JsonNode listed = Json.MAPPER.readTree(admin("GET", "/v1/connections", null).body()).path("connections");
        assertEquals(1, listed.size(), listed.toString());
        JsonNode view = listed.get(0);
        assertEquals("Acme via OAuth", view.path("name").asText());
        assertEquals("ACTIVE", view.path("status").asText());
        assertEquals("refresh_token", view.path("grantType").asText());
        assertEquals(account(0), view.path("ownerId").asText());
        assertFalse(view.has("credential"));

        Connection stored = connectionRecords(1).get(0).value();
        assertEquals(view.path("connectionId").asText(), stored.connectionId());
        String refresh = new CredentialCipher(CredentialKeys.of(KEY, List.of()))
                .decrypt(stored.connectionId(), stored.credential()).refreshToken();
        Set<String> fromTheExchange = new HashSet<>(simulator.issuedTokens());
        fromTheExchange.removeAll(before);
        assertTrue(fromTheExchange.contains(refresh), "the stored refresh token is the code exchange's");
        TokenClient.withDefaults().refresh(simulator.baseUrl(), stored.clientId(),
                simulator.appCredentials().clientSecret(), refresh); // still unused: it exchanges

        List<ConsumerRecord<String, LoginEvent>> logins = kafka.readUntil(Topics.LOGINS,
                r -> r.stream().anyMatch(l -> LoginEvent.SOURCE_CONNECT.equals(l.value().source())), WAIT);
        LoginEvent login = logins.stream().map(ConsumerRecord::value)
                .filter(l -> LoginEvent.SOURCE_CONNECT.equals(l.source())).findFirst().orElseThrow();
        assertEquals(account(0), login.ownerId());
        assertEquals("authorization_code", login.grantType());
        assertEquals(simulator.appCredentials().clientId(), login.clientId());
    }

    @Test
    @Order(2)
    void forgedExpiredReplayedAndDeniedStoreNothing() throws Exception {
        URI callback = consentedCallback("Forged Inc");
        String query = callback.getRawQuery();
        URI forged = URI.create(api.base() + "/oauth/callback?" + query.replaceAll("state=[^&]+", "state=forged.AAAA"));
        assertPage(open(browser, forged), 400, "not started here");

        OAuthState past = OAuthState.from(CredentialKeys.of(KEY, List.of()), Duration.ofMinutes(10),
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        String expired = past.start("Expired Inc").state();
        assertPage(open(browser, URI.create(api.base() + "/oauth/callback?code=c&state="
                + URLEncoder.encode(expired, StandardCharsets.UTF_8))), 400, "expired");

        simulator.consent().denyNext();
        assertPage(open(browser, link("Denied Inc")), 403, "denied");
        assertTrue(storedNamed("Forged Inc").isEmpty() && storedNamed("Expired Inc").isEmpty()
                && storedNamed("Denied Inc").isEmpty());

        simulator.consent().nextByAdmin(account(1));
        URI once = consentedCallback("Replayed Inc");
        assertEquals(200, open(browser, once).statusCode());
        assertPage(open(browser, once), 400, "used already");
        assertEquals(2, connectionRecords(2).size(), "only Acme and the first Replayed Inc");
    }

    private static void assertPage(HttpResponse<String> page, int status, String says) {
        assertEquals(status, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains(says), page.body());
    }

    @Test
    @Order(3)
    void adminsCreateWithAJwtListAndRemove() throws Exception {
        String clientId = simulator.appCredentials().clientId();
        String secret = simulator.appCredentials().clientSecret();
        String body = "{\"name\":\"%s\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret
                + "\",\"jwt\":\"%s\"}";
        TestInstance.Response refused = admin("POST", "/v1/connections",
                body.formatted("Bad JWT", simulator.adminJwt(account(2)) + "x"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("credential_rejected", Json.MAPPER.readTree(refused.body()).path("error").path("code").asText());

        TestInstance.Response created = admin("POST", "/v1/connections", body.formatted("Jwt Co",
                simulator.adminJwt(account(2))));
        assertEquals(201, created.status(), created.body());
        String id = Json.MAPPER.readTree(created.body()).path("connectionId").asText();
        assertEquals(id, Json.MAPPER.readTree(admin("GET", "/v1/connections/" + id, null).body())
                .path("connectionId").asText());
        assertEquals(3, Json.MAPPER.readTree(admin("GET", "/v1/connections", null).body()).path("connections").size());
        assertTrue(storedNamed("Bad JWT").isEmpty());

        assertEquals(401, api.get("/v1/connections", API).status(), "the API token is not the admin token");
        assertEquals(401, api.get("/v1/connections", ADMIN + "0").status());
        assertEquals(401, api.get("/v1/connections", null).status());

        assertEquals(200, admin("DELETE", "/v1/connections/" + id, null).status());
        assertEquals(404, admin("GET", "/v1/connections/" + id, null).status());
        List<ConsumerRecord<String, Connection>> ofThisOne = connectionRecords(4).stream()
                .filter(r -> r.key().equals(id)).toList();
        assertEquals(2, ofThisOne.size());
        assertNull(ofThisOne.get(1).value(), "a tombstone");
    }

    @Test
    @Order(4)
    void theDemoConnectsEachSimulatedCompanyThroughTheSameFlow() throws Exception {
        String earlierRun = account(0);
        TestInstance.Response stale = admin("POST", "/v1/connections", Json.MAPPER.createObjectNode()
                .put("name", "simulator-" + earlierRun).put("serverUrl", simulator.baseUrl() + "/")
                .put("clientId", simulator.appCredentials().clientId())
                .put("clientSecret", simulator.appCredentials().clientSecret())
                .put("jwt", simulator.adminJwt(earlierRun)).toString());
        assertEquals(201, stale.status(), stale.body());

        DemoOnboarding demo = new DemoOnboarding(api.base(), ADMIN, simulator);
        List<String> names = simulator.accounts().stream().map(DemoOnboarding::nameOf).toList();
        assertEquals(names, demo.connect(simulator.accounts()));
        assertEquals(List.of(), demo.connect(simulator.accounts()), "a second run connects nothing twice");
        JsonNode listed = Json.MAPPER.readTree(admin("GET", "/v1/connections", null).body()).path("connections");
        for (JsonNode connection : listed) {
            if (connection.path("name").asText().startsWith(DemoOnboarding.NAME_PREFIX)) {
                assertEquals(simulator.baseUrl().toString(), connection.path("serverUrl").asText());
                assertEquals("refresh_token", connection.path("grantType").asText());
            }
        }
        assertEquals(2 + names.size(), listed.size(), listed.toString());
    }

    @Test
    @Order(5)
    void noSecretInAnyAnswerLogLineOrTopic() throws Exception {
        Set<String> secrets = new HashSet<>(simulator.issuedTokens());
        secrets.add(simulator.appCredentials().clientSecret());
        secrets.add(ADMIN);
        secrets.add(API);
        assertTrue(secrets.size() > 10, "the tests above obtained tokens: " + secrets.size());

        List<String> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : kafka.readEverything(WAIT)) {
            records.add(record.topic() + " " + text(record.key()) + " " + text(record.value()));
        }
        assertTrue(records.stream().anyMatch(r -> r.startsWith(Topics.CONNECTIONS.name())));
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("onboarded through OAuth")), "INFO lines are captured");
        for (String secret : secrets) {
            assertClean("an HTTP answer", answers, secret);
            assertClean("a log line", lines, secret);
            assertClean("a topic record", records, secret);
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static void assertClean(String where, List<String> texts, String secret) {
        for (String text : texts) {
            if (text.contains(secret)) {
                throw new AssertionError(where + " contains a secret (" + secret.length() + " chars, starting "
                        + secret.substring(0, Math.min(4, secret.length())) + "): "
                        + text.substring(0, Math.min(200, text.length())));
            }
        }
    }
}
