package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3-legged flow as a browser and an integration would run it: authorize, callback URL, code exchange. */
class AuthorizationCodeFlowTest {
    private static final String REDIRECT = "https://integration.example/oauth/callback";

    private TestSimulator sim;
    private MutableClock clock;
    private RingCentralSimulator simulator;
    private SimClient client;
    private String accountId;
    private String verifier;

    @BeforeEach
    void start() {
        sim = new TestSimulator(30);
        clock = sim.clock;
        simulator = sim.simulator;
        client = sim.client;
        accountId = sim.accountId;
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void authorizeRedirectsWithACodeThatExchangesForTokensOfTheConsentingUser() {
        SimulatedExtension user = enabledUser();
        simulator.consent().next(accountId, user.id());

        SimClient.Response authorize = authorize(validParams("st-1"));
        assertEquals(302, authorize.status(), authorize.body());
        URI location = URI.create(authorize.header("Location"));
        assertTrue(location.toString().startsWith(REDIRECT + "?"), location.toString());
        Map<String, String> callback = query(location);
        assertEquals("st-1", callback.get("state"));
        String code = callback.get("code");
        assertFalse(code == null || code.isEmpty());

        SimClient.Response token = exchange(code, REDIRECT, verifier);
        assertEquals(200, token.status(), token.body());
        JsonNode info = token.json();
        assertEquals(user.id(), info.get("owner_id").asText());
        assertEquals("bearer", info.get("token_type").asText());
        for (String field : new String[] {"access_token", "refresh_token", "scope", "endpoint_id", "session_id"}) {
            assertFalse(info.path(field).asText().isEmpty(), field);
        }
        String access = info.get("access_token").asText();
        assertEquals(Long.parseLong(user.id()),
                client.get("/restapi/v1.0/account/~/extension/~", access).json().get("id").asLong());

        String refresh = info.get("refresh_token").asText();
        SimClient.Response refreshed = client.refreshGrant(refresh);
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(user.id(), refreshed.json().get("owner_id").asText());
        SimClient.Response reused = client.refreshGrant(refresh);
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().get("error").asText());

        assertTrue(simulator.issuedTokens().containsAll(java.util.List.of(code, access, refresh,
                refreshed.json().get("refresh_token").asText())));
        RecordedRequest logged = simulator.requests().get(0);
        assertEquals("/restapi/oauth/authorize", logged.pathAndQuery().substring(0, logged.pathAndQuery().indexOf('?')));
        assertEquals(user.id(), logged.ownerId());
        assertEquals(simulator.appCredentials().clientId(), logged.clientId());
        assertEquals(RateLimitGroup.AUTH, logged.group());
        String log = simulator.requests().toString();
        for (String secret : new String[] {code, "st-1", verifier, challenge(verifier), access, refresh}) {
            assertFalse(log.contains(secret), "the request log shows no credential");
        }
    }

    @Test
    void wrongVerifierIsInvalidGrantAndUsesTheCodeUp() {
        String code = code(authorize(validParams("s")));
        SimClient.Response wrong = exchange(code, REDIRECT, verifier.substring(1) + "x");
        assertEquals(400, wrong.status());
        assertEquals("invalid_grant", wrong.json().get("error").asText());
        assertFalse(wrong.json().get("error_description").asText().isEmpty());
        assertTrue(wrong.json().get("errors").isArray());

        assertEquals(400, exchange(code, REDIRECT, verifier).status(), "a code is good for one attempt");
    }

    @Test
    void codeIsBoundToItsRedirectUriAndNeedsAVerifier() {
        String code = code(authorize(validParams("s")));
        assertEquals("invalid_grant", exchange(code, REDIRECT + "/other", verifier).json().get("error").asText());

        String another = code(authorize(validParams("s")));
        SimClient.Response noVerifier = client.token(Map.of("grant_type", "authorization_code", "code", another,
                "redirect_uri", REDIRECT));
        assertEquals("invalid_grant", noVerifier.json().get("error").asText());

        SimClient.Response noCode = client.token(Map.of("grant_type", "authorization_code", "redirect_uri", REDIRECT));
        assertEquals(400, noCode.status());
        assertEquals("invalid_request", noCode.json().get("error").asText());
    }

    @Test
    void reusedCodeIsRefusedAndRevokesWhatItsFirstExchangeIssued() {
        String code = code(authorize(validParams("s")));
        JsonNode first = exchange(code, REDIRECT, verifier).json();

        SimClient.Response again = exchange(code, REDIRECT, verifier);
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.json().get("error").asText());

        assertEquals(401, client.get("/restapi/v1.0/account/~", first.get("access_token").asText()).status());
        assertEquals(400, client.refreshGrant(first.get("refresh_token").asText()).status());
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        String code = code(authorize(validParams("s")));
        clock.advance(Duration.ofSeconds(61));
        SimClient.Response late = exchange(code, REDIRECT, verifier);
        assertEquals(400, late.status());
        assertEquals("invalid_grant", late.json().get("error").asText());
    }

    @Test
    void deniedConsentRedirectsWithAccessDenied() {
        simulator.consent().denyNext();
        SimClient.Response denied = authorize(validParams("st-2"));
        assertEquals(302, denied.status());
        Map<String, String> callback = query(URI.create(denied.header("Location")));
        assertEquals("access_denied", callback.get("error"));
        assertEquals("st-2", callback.get("state"));
        assertNull(callback.get("code"));

        Map<String, String> params = validParams("st-3");
        params.put("simulator_deny", "true");
        assertEquals("access_denied", query(URI.create(authorize(params).header("Location"))).get("error"));

        assertTrue(query(URI.create(authorize(validParams("st-4")).header("Location"))).containsKey("code"),
                "a denial is for one authorization");
    }

    @Test
    void withoutAQueuedConsentTheAdminsConsentInTurnAndTheQueryCanChoose() {
        String second = simulator.accounts().get(1).accountId();
        assertEquals(accountId, ownerOf(authorize(validParams("a"))));
        assertEquals(second, ownerOf(authorize(validParams("b"))));

        SimulatedExtension user = enabledUser();
        Map<String, String> params = validParams("c");
        params.put("simulator_account", accountId);
        params.put("simulator_extension", user.id());
        assertEquals(user.id(), ownerOf(authorize(params)));
    }

    @Test
    void revokeEndsTheWholeSessionAndUnknownTokensAnswer200() {
        JsonNode tokens = exchange(code(authorize(validParams("s"))), REDIRECT, verifier).json();
        String access = tokens.get("access_token").asText();
        String refresh = tokens.get("refresh_token").asText();

        SimClient.Response revoked = client.revoke(access);
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(401, client.get("/restapi/v1.0/account/~", access).status());
        SimClient.Response refreshed = client.refreshGrant(refresh);
        assertEquals(400, refreshed.status(), "revoking the access token revokes its refresh token too");
        assertEquals("invalid_grant", refreshed.json().get("error").asText());

        assertEquals(200, client.revoke(refresh).status(), "already revoked");
        assertEquals(200, client.revoke("SIM01never-issued").status());
        assertEquals(401, client.postForm("/restapi/oauth/revoke", simulator.appCredentials().clientId(), "wrong",
                Map.of("token", access)).status());
        assertEquals(400, client.postForm("/restapi/oauth/revoke", simulator.appCredentials().clientId(),
                simulator.appCredentials().clientSecret(), Map.of()).status());
        assertFalse(simulator.requests().toString().contains(access));
    }

    @Test
    void revokingARefreshTokenRefusesItsNextRefresh() {
        String refresh = client.jwtGrant(simulator.adminJwt(accountId)).json().get("refresh_token").asText();
        assertEquals(200, client.revoke(refresh).status());
        assertEquals("invalid_grant", client.refreshGrant(refresh).json().get("error").asText());
    }

    @Test
    void badAuthorizationRequestsGet400AndNoRedirect() {
        Map<String, String> unknownClient = validParams("s");
        unknownClient.put("client_id", "nobody");
        assertRefused(unknownClient, "invalid_client");

        for (String missing : new String[] {"redirect_uri", "code_challenge", "code_challenge_method", "response_type"}) {
            Map<String, String> params = validParams("s");
            params.remove(missing);
            assertRefused(params, "invalid_request");
        }
        Map<String, String> plain = validParams("s");
        plain.put("code_challenge_method", "plain");
        assertRefused(plain, "invalid_request");
        Map<String, String> fragment = validParams("s");
        fragment.put("redirect_uri", REDIRECT + "#x");
        assertRefused(fragment, "invalid_request");

        simulator.consent().registerRedirectUri("https://registered.example/cb");
        assertRefused(validParams("s"), "invalid_request");
        Map<String, String> registered = validParams("s");
        registered.put("redirect_uri", "https://registered.example/cb");
        assertEquals(302, authorize(registered).status());
    }

    @Test
    void aDisabledConsentingExtensionGetsNoCode() {
        SimulatedExtension disabled = simulator.extensions(accountId).stream()
                .filter(e -> !e.status().equals("Enabled")).findFirst().orElseThrow();
        simulator.consent().next(accountId, disabled.id());
        assertRefused(validParams("s"), "access_denied");
    }

    private void assertRefused(Map<String, String> params, String error) {
        SimClient.Response response = authorize(params);
        assertEquals(400, response.status(), params.toString());
        assertNull(response.header("Location"));
        assertEquals(error, response.json().get("error").asText());
    }

    private String ownerOf(SimClient.Response authorize) {
        return exchange(code(authorize), REDIRECT, verifier).json().get("owner_id").asText();
    }

    private Map<String, String> validParams(String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", simulator.appCredentials().clientId());
        params.put("redirect_uri", REDIRECT);
        params.put("state", state);
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    private SimClient.Response authorize(Map<String, String> params) {
        return client.get("/restapi/oauth/authorize?" + SimClient.formBody(params), null);
    }

    private SimClient.Response exchange(String code, String redirectUri, String codeVerifier) {
        return client.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", codeVerifier));
    }

    private static String code(SimClient.Response authorize) {
        assertEquals(302, authorize.status(), authorize.body());
        return query(URI.create(authorize.header("Location"))).get("code");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** RFC 7636 S256, computed here rather than by the simulator's code. */
    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SimulatedExtension enabledUser() {
        return simulator.extensions(accountId).stream()
                .filter(e -> e.isPerson() && !e.isSystemExtension() && e.status().equals("Enabled"))
                .findFirst().orElseThrow();
    }
}
