package dev.rcidentity.onboarding;

import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.onboarding.OnboardingException.Kind;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3-legged flow's service logic against the real simulator: links, state, consent, code exchange. */
class OAuthOnboardingTest {
    private final OnboardingFixture f = new OnboardingFixture();
    private final OAuthOnboarding oauth = f.onboarding.oauth();

    @AfterEach
    void stop() {
        f.close();
    }

    /** Link, authorize, the simulator's consent: the callback URL RingCentral sends the browser to. */
    private URI callbackFor(String name) throws Exception {
        URI link = oauth.createLink(name).url();
        return f.consent(oauth.authorize(QueryParams.of(link).get("link")));
    }

    private Connection complete(URI callback) {
        Map<String, String> params = QueryParams.of(callback);
        return oauth.complete(params.get("code"), params.get("state"), params.get("error"));
    }

    private void assertRefused(Kind kind, Executable call) {
        OnboardingException e = assertThrows(OnboardingException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void linkAuthorizeAndCallbackCreateARefreshTokenConnectionAndALogin() throws Exception {
        OAuthOnboarding.IssuedLink link = oauth.createLink("acme");
        assertTrue(link.url().toString().startsWith("https://integration.example/base/oauth/authorize?link="),
                link.url().toString());
        assertEquals(f.clock.instant().plus(Duration.ofHours(24)), link.expiresAt());

        URI consent = oauth.authorize(QueryParams.of(link.url()).get("link"));
        Map<String, String> asked = QueryParams.of(consent);
        assertTrue(consent.toString().startsWith(f.simulator.baseUrl() + "/restapi/oauth/authorize?"));
        assertEquals("code", asked.get("response_type"));
        assertEquals(f.simulator.appCredentials().clientId(), asked.get("client_id"));
        assertEquals(OnboardingFixture.REDIRECT.toString(), asked.get("redirect_uri"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(43, asked.get("code_challenge").length());

        f.simulator.consent().nextByAdmin(f.accountId);
        URI callback = f.consent(consent);
        assertTrue(callback.toString().startsWith(OnboardingFixture.REDIRECT + "?"));
        Connection connection = complete(callback);

        assertEquals("acme", connection.name());
        assertEquals(Connection.ACTIVE, connection.status());
        assertEquals(Connection.GRANT_REFRESH_TOKEN, connection.grantType());
        assertEquals(f.accountId, connection.ownerId());
        assertEquals(f.simulator.baseUrl().toString(), connection.serverUrl());
        assertEquals(connection, f.catalog.get(connection.connectionId()).orElseThrow());
        Secrets secrets = f.secretsOf(connection);
        assertEquals(f.simulator.appCredentials().clientSecret(), secrets.clientSecret());
        assertTrue(f.simulator.issuedTokens().contains(secrets.refreshToken()));
        // The stored refresh token is the live one: it exchanges (and rotates) once.
        assertNotNull(f.tokens.refresh(f.simulator.baseUrl(), connection.clientId(), secrets.clientSecret(),
                secrets.refreshToken()).refreshToken());

        assertEquals(1, f.logins.history().size());
        ProducerRecord<String, LoginEvent> login = f.logins.history().get(0);
        assertEquals("rc.logins.v1", login.topic());
        assertEquals(f.accountId, login.key());
        assertEquals(LoginEvent.SOURCE_CONNECT, login.value().source());
        assertEquals(TokenClient.CODE_GRANT, login.value().grantType());
        assertEquals(f.simulator.appCredentials().clientId(), login.value().clientId());
    }

    @Test
    void aLinkWorksOnce() throws Exception {
        String linkId = QueryParams.of(oauth.createLink("once").url()).get("link");
        oauth.authorize(linkId);
        assertRefused(Kind.INVALID_LINK, () -> oauth.authorize(linkId));
        assertRefused(Kind.INVALID_LINK, () -> oauth.authorize(linkId.substring(0, linkId.length() - 2) + "xx"));
        assertRefused(Kind.INVALID_LINK, () -> oauth.authorize("not-a-link"));
        assertRefused(Kind.INVALID_LINK, () -> oauth.authorize(null));
    }

    @Test
    void anExpiredLinkIsRefused() {
        String linkId = QueryParams.of(oauth.createLink("late").url()).get("link");
        f.clock.advance(Duration.ofHours(25));
        assertRefused(Kind.INVALID_LINK, () -> oauth.authorize(linkId));
    }

    @Test
    void forgedExpiredAndReplayedStatesStoreNothing() throws Exception {
        URI callback = callbackFor("states");
        Map<String, String> params = QueryParams.of(callback);
        String state = params.get("state");
        String forged = state.substring(0, state.indexOf('.')) + ".AAAA" + state.substring(state.indexOf('.') + 5);
        assertRefused(Kind.INVALID_STATE, () -> oauth.complete(params.get("code"), forged, null));
        assertRefused(Kind.INVALID_STATE, () -> oauth.complete(params.get("code"), null, null));

        URI late = callbackFor("late");
        f.clock.advance(Duration.ofMinutes(11));
        assertRefused(Kind.INVALID_STATE, () -> complete(late));
        assertEquals(0, f.catalog.puts);

        URI fresh = callbackFor("replayed");
        complete(fresh);
        assertRefused(Kind.INVALID_STATE, () -> complete(fresh));
        assertEquals(1, f.catalog.puts);
    }

    @Test
    void aDeniedConsentStoresNothing() throws Exception {
        f.simulator.consent().denyNext();
        URI callback = callbackFor("denied");
        assertEquals("access_denied", QueryParams.of(callback).get("error"));
        OnboardingException e = assertThrows(OnboardingException.class, () -> complete(callback));
        assertEquals(Kind.DENIED, e.kind());
        assertTrue(e.getMessage().contains("denied"), e.getMessage());
        assertEquals(0, f.catalog.puts);
        assertTrue(f.logins.history().isEmpty());
    }

    @Test
    void aCodeRingCentralRefusesStoresNothing() throws Exception {
        Map<String, String> params = QueryParams.of(callbackFor("refused"));
        OnboardingException e = assertThrows(OnboardingException.class,
                () -> oauth.complete("not-" + params.get("code"), params.get("state"), null));
        assertEquals(Kind.REFUSED, e.kind());
        assertEquals("invalid_grant, OAU-140", e.ringCentralError());
        assertEquals(0, f.catalog.puts);
    }

    @Test
    void aNameConnectedMeanwhileIsAConflict() throws Exception {
        URI first = callbackFor("twice");
        URI second = callbackFor("twice");
        complete(first);
        assertRefused(Kind.NAME_TAKEN, () -> complete(second));
        assertRefused(Kind.NAME_TAKEN, () -> oauth.createLink("twice"));
        assertEquals(1, f.catalog.puts);
    }

    @Test
    void withoutTheAppsCredentialsNothingStarts() {
        f.app.set(null);
        assertRefused(Kind.NOT_CONFIGURED, () -> oauth.createLink("nope"));
        assertRefused(Kind.NOT_CONFIGURED, () -> oauth.authorize("x"));
        assertRefused(Kind.NOT_CONFIGURED, () -> oauth.complete("code", "state", null));
    }

    @Test
    void namesAreChecked() {
        assertEquals("name is missing: it names the connection",
                assertThrows(IllegalArgumentException.class, () -> oauth.createLink(" ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> oauth.createLink("a\u0007b"));
        assertThrows(IllegalArgumentException.class, () -> oauth.createLink("x".repeat(101)));
        assertFalse(oauth.createLink("  padded  ").url().toString().isEmpty());
        assertRefused(Kind.NAME_TAKEN, () -> {
            URI callback = callbackFor("padded");
            complete(callback);
            oauth.createLink("padded ");
        });
    }
}
