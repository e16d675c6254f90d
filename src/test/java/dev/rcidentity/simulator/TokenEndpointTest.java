package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenEndpointTest {
    private final MutableClock clock = MutableClock.atDefaultStart();
    private RingCentralSimulator simulator;
    private SimClient client;
    private String accountId;

    @BeforeEach
    void start() {
        simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(2).extensionsPerAccount(30).clock(clock)
                .limit(RateLimitGroup.AUTH, 1000).build());
        client = new SimClient(simulator);
        accountId = simulator.accounts().get(0).accountId();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void jwtGrantAnswersTokenInfoWithOwnerId() {
        SimClient.Response response = client.jwtGrant(simulator.adminJwt(accountId));

        assertEquals(200, response.status(), response.body());
        JsonNode token = response.json();
        assertEquals("bearer", token.get("token_type").asText());
        assertTrue(token.get("owner_id").isTextual(), "owner_id is a string");
        assertEquals(accountId, token.get("owner_id").asText(), "the admin's owner_id is the account id");
        assertEquals(3600, token.get("expires_in").asInt());
        assertEquals(7 * 24 * 3600, token.get("refresh_token_expires_in").asInt());
        for (String field : new String[] {"access_token", "refresh_token", "scope", "endpoint_id", "session_id"}) {
            assertFalse(token.path(field).asText().isEmpty(), field);
        }
        assertEquals("Auth", response.header("X-Rate-Limit-Group"));
    }

    @Test
    void userJwtActsForThatExtension() {
        SimulatedExtension user = enabledUser();
        String jwt = simulator.jwtFor(accountId, user.id());
        assertEquals(3, jwt.split("\\.").length, "a compact JWS");

        SimClient.Response response = client.jwtGrant(jwt);
        assertEquals(200, response.status(), response.body());
        assertEquals(user.id(), response.json().get("owner_id").asText());

        String access = response.json().get("access_token").asText();
        JsonNode me = client.get("/restapi/v1.0/account/~/extension/~", access).json();
        assertEquals(Long.parseLong(user.id()), me.get("id").asLong());
        assertTrue(me.get("id").isIntegralNumber(), "extension id is an int64 number");
        assertEquals(accountId, me.get("account").get("id").asText());
        assertTrue(me.get("account").get("id").isTextual(), "account.id of an extension is a string");

        JsonNode userInfo = client.get("/restapi/oauth/userinfo", access).json();
        assertEquals(user.id(), userInfo.get("sub").asText());
        assertEquals(accountId, userInfo.get("account_id").asText());
    }

    @Test
    void refreshTokensRotateAndAreSingleUse() {
        JsonNode first = client.jwtGrant(simulator.adminJwt(accountId)).json();
        String refresh1 = first.get("refresh_token").asText();

        SimClient.Response refreshed = client.refreshGrant(refresh1);
        assertEquals(200, refreshed.status(), refreshed.body());
        String refresh2 = refreshed.json().get("refresh_token").asText();
        assertNotEquals(refresh1, refresh2);
        assertEquals(accountId, refreshed.json().get("owner_id").asText());
        assertEquals(first.get("session_id").asText(), refreshed.json().get("session_id").asText());

        SimClient.Response reused = client.refreshGrant(refresh1);
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().get("error").asText());
        assertNotNull(reused.json().get("error_description"));
        assertTrue(reused.json().get("errors").isArray());

        assertEquals(200, client.refreshGrant(refresh2).status());
    }

    @Test
    void expiredRefreshTokenIsRejected() {
        String refresh = client.jwtGrant(simulator.adminJwt(accountId)).json().get("refresh_token").asText();
        clock.advance(Duration.ofDays(8));
        assertEquals(400, client.refreshGrant(refresh).status());
    }

    @Test
    void badClientSecretIs401() {
        SimClient.Response response = client.token(simulator.appCredentials().clientId(), "wrong-secret",
                Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "assertion", simulator.adminJwt(accountId)));
        assertEquals(401, response.status());
        assertEquals("invalid_client", response.json().get("error").asText());
        assertFalse(response.body().contains("wrong-secret"));
    }

    @Test
    void tamperedOrForeignJwtIs400InvalidGrant() {
        String jwt = simulator.adminJwt(accountId);
        String tampered = jwt.substring(0, jwt.length() - 2) + (jwt.endsWith("A") ? "BB" : "AA");
        SimClient.Response response = client.jwtGrant(tampered);
        assertEquals(400, response.status());
        assertEquals("invalid_grant", response.json().get("error").asText());
        assertEquals(400, client.jwtGrant("not-a-jwt").status());

        try (RingCentralSimulator other = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(1).extensionsPerAccount(5).seed(7).build())) {
            String foreign = other.adminJwt(other.accounts().get(0).accountId());
            assertEquals(400, client.jwtGrant(foreign).status(), "a JWT signed by another simulator");
        }
    }

    @Test
    void rejectedCredentialsAre400UntilAccepted() {
        simulator.faults().rejectCredentials(accountId);
        SimClient.Response response = client.jwtGrant(simulator.adminJwt(accountId));
        assertEquals(400, response.status());
        assertEquals("invalid_grant", response.json().get("error").asText());

        String otherAccount = simulator.accounts().get(1).accountId();
        assertEquals(200, client.jwtGrant(simulator.adminJwt(otherAccount)).status(), "other users unaffected");

        simulator.faults().acceptCredentials(accountId);
        assertEquals(200, client.jwtGrant(simulator.adminJwt(accountId)).status());

        simulator.faults().rejectCredentials(simulator.appCredentials().clientId());
        assertEquals(400, client.jwtGrant(simulator.adminJwt(otherAccount)).status(), "whole client rejected");
    }

    @Test
    void revokedRefreshTokensAreRejected() {
        String refresh = client.jwtGrant(simulator.adminJwt(accountId)).json().get("refresh_token").asText();
        simulator.faults().revokeRefreshTokens();
        assertEquals(400, client.refreshGrant(refresh).status());
    }

    @Test
    void failTokenEndpointAnswers503ThenRecovers() {
        simulator.faults().failTokenEndpoint(2);
        assertEquals(503, client.jwtGrant(simulator.adminJwt(accountId)).status());
        assertEquals(503, client.jwtGrant(simulator.adminJwt(accountId)).status());
        assertEquals(200, client.jwtGrant(simulator.adminJwt(accountId)).status());
    }

    @Test
    void disabledOrDepartedUsersCannotLogIn() {
        SimulatedExtension disabled = simulator.extensions(accountId).stream()
                .filter(e -> !e.status().equals("Enabled")).findFirst().orElseThrow();
        assertEquals(400, client.jwtGrant(simulator.jwtFor(accountId, disabled.id())).status());
        assertEquals(400, client.jwtGrant(simulator.jwtFor(accountId, "999")).status());
    }

    @Test
    void apiCallsNeedAValidUnexpiredBearerToken() {
        SimClient.Response missing = client.get("/restapi/v1.0/account/~", null);
        assertEquals(401, missing.status());
        assertTrue(missing.json().get("errors").isArray());

        assertEquals(401, client.get("/restapi/v1.0/account/~", "no-such-token").status());

        String token = client.adminToken(accountId);
        assertEquals(200, client.get("/restapi/v1.0/account/~", token).status());
        clock.advance(Duration.ofSeconds(3601));
        SimClient.Response expired = client.get("/restapi/v1.0/account/~", token);
        assertEquals(401, expired.status());
        assertEquals("TokenExpired", expired.json().get("errorCode").asText());
    }

    @Test
    void revokedAccessTokensAre401() {
        String token = client.adminToken(accountId);
        simulator.faults().revokeAccessTokens();
        assertEquals(401, client.get("/restapi/v1.0/account/~", token).status());
    }

    @Test
    void tokenEndpointWantsAFormBody() {
        String basic = java.util.Base64.getEncoder().encodeToString((simulator.appCredentials().clientId() + ":"
                + simulator.appCredentials().clientSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest json = HttpRequest.newBuilder(simulator.baseUrl().resolve("/restapi/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"refresh_token\"}"))
                .build();
        assertEquals(400, client.send(json).status());

        HttpRequest huge = HttpRequest.newBuilder(simulator.baseUrl().resolve("/restapi/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("assertion=" + "x".repeat(100_000)))
                .build();
        assertEquals(413, client.send(huge).status());

        assertEquals(400, client.token(Map.of("grant_type", "password")).status());
    }

    @Test
    void tokensAndSecretsNeverReachTheRequestLog() {
        JsonNode token = client.jwtGrant(simulator.adminJwt(accountId)).json();
        client.get("/restapi/v1.0/account/~", token.get("access_token").asText());
        String log = simulator.requests().toString();
        assertFalse(log.contains(token.get("access_token").asText()));
        assertFalse(log.contains(simulator.appCredentials().clientSecret()));
        assertFalse(simulator.describe().contains(simulator.appCredentials().clientSecret()));
        assertFalse(simulator.appCredentials().toString().contains(simulator.appCredentials().clientSecret()));

        RecordedRequest tokenCall = simulator.requests().get(0);
        assertEquals("POST", tokenCall.method());
        assertEquals(RateLimitGroup.AUTH, tokenCall.group());
        assertEquals(accountId, tokenCall.ownerId());
        assertEquals(simulator.appCredentials().clientId(), tokenCall.clientId());
    }

    private SimulatedExtension enabledUser() {
        return simulator.extensions(accountId).stream()
                .filter(e -> e.isPerson() && !e.isSystemExtension() && e.status().equals("Enabled"))
                .findFirst().orElseThrow();
    }
}
