package dev.rcidentity.onboarding;

import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import dev.rcidentity.onboarding.OnboardingException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, listing and removing connections against the real simulator's token endpoint. */
class ConnectionAdminTest {
    private final OnboardingFixture f = new OnboardingFixture();
    private final ConnectionAdmin admin = f.onboarding.admin();
    private final String clientId = f.simulator.appCredentials().clientId();
    private final String secret = f.simulator.appCredentials().clientSecret();

    @AfterEach
    void stop() {
        f.close();
    }

    private NewConnection jwt(String name, String jwt) {
        return new NewConnection(name, f.simulator.baseUrl(), clientId, secret, jwt, null);
    }

    @Test
    void aGoodJwtIsCheckedOnceAndStoredEncrypted() {
        f.simulator.clearRequests();
        String credential = f.simulator.adminJwt(f.accountId);
        ConnectionInfo created = admin.create(jwt("acme", credential));

        assertEquals("acme", created.name());
        assertEquals(Connection.GRANT_JWT, created.grantType());
        assertEquals(Connection.ACTIVE, created.status());
        assertEquals(f.accountId, created.ownerId());
        assertNull(created.heldBy());
        assertEquals(1, f.simulator.requests().size(), "one token exchange");
        Connection stored = f.catalog.get(created.connectionId()).orElseThrow();
        Secrets secrets = f.secretsOf(stored);
        assertEquals(credential, secrets.jwt());
        assertEquals(secret, secrets.clientSecret());
        assertNull(secrets.refreshToken());
        assertEquals(created, admin.find(created.connectionId()).orElseThrow());
        assertEquals(1, admin.list().size());
    }

    @Test
    void aRefreshTokenIsRotatedByTheCheckAndItsSuccessorStored() {
        String given = f.tokens.jwt(f.simulator.baseUrl(), clientId, secret, f.simulator.adminJwt(f.accountId))
                .refreshToken();
        ConnectionInfo created = admin.create(new NewConnection("rotating", f.simulator.baseUrl(), clientId, secret,
                null, given));

        String stored = f.secretsOf(f.catalog.get(created.connectionId()).orElseThrow()).refreshToken();
        assertNotEquals(given, stored);
        assertTrue(f.simulator.issuedTokens().contains(stored));
        OnboardingException used = assertThrows(OnboardingException.class,
                () -> f.tokens.refresh(f.simulator.baseUrl(), clientId, secret, given));
        assertEquals(Kind.REFUSED, used.kind(), "the given token was used up by the check");
        f.tokens.refresh(f.simulator.baseUrl(), clientId, secret, stored);
    }

    @Test
    void aCredentialRingCentralRefusesIs422MaterialAndStoresNothing() {
        String forged = f.simulator.adminJwt(f.accountId) + "x";
        OnboardingException e = assertThrows(OnboardingException.class, () -> admin.create(jwt("bad", forged)));
        assertEquals(Kind.REFUSED, e.kind());
        assertEquals("invalid_grant, OAU-144", e.ringCentralError());
        assertTrue(e.getMessage().contains("invalid_grant, OAU-144"), e.getMessage());
        assertTrue(!e.getMessage().contains(forged) && !e.getMessage().contains(secret));

        OnboardingException wrongSecret = assertThrows(OnboardingException.class, () -> admin.create(
                new NewConnection("bad", f.simulator.baseUrl(), clientId, "wrong", f.simulator.adminJwt(f.accountId), null)));
        assertEquals(Kind.REFUSED, wrongSecret.kind());
        assertEquals(0, f.catalog.puts);
    }

    @Test
    void aTakenNameIsRefusedBeforeAnyExchange() {
        admin.create(jwt("taken", f.simulator.adminJwt(f.accountId)));
        f.simulator.clearRequests();
        OnboardingException e = assertThrows(OnboardingException.class,
                () -> admin.create(jwt("taken", f.simulator.adminJwt(f.accountId))));
        assertEquals(Kind.NAME_TAKEN, e.kind());
        assertTrue(f.simulator.requests().isEmpty());
        assertEquals(1, f.catalog.puts);
    }

    @Test
    void anUnreachableServerIsUnavailableNotRefused() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + freePort());
        OnboardingException e = assertThrows(OnboardingException.class, () -> admin.create(
                new NewConnection("away", closed, clientId, secret, "jwt", null)));
        assertEquals(Kind.RINGCENTRAL_UNAVAILABLE, e.kind());
        assertEquals(0, f.catalog.puts);
    }

    @Test
    void removeAnswersTheConnectionAsItWas() {
        ConnectionInfo created = admin.create(jwt("gone", f.simulator.adminJwt(f.accountId)));
        assertEquals(created, admin.remove(created.connectionId()).orElseThrow());
        assertTrue(admin.find(created.connectionId()).isEmpty());
        assertTrue(admin.remove(created.connectionId()).isEmpty());
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
