package dev.rcidentity.connections;

import dev.rcidentity.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.rcidentity.connections.InvalidTokenException.Reason.EXPIRED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.FORGED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.MALFORMED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.REPLAYED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthStateTest {
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final CredentialKeys keys = CredentialKeys.of(CredentialCipherTest.newKey(), List.of());
    private final OAuthState states = OAuthState.from(keys, Duration.ofMinutes(10), clock);

    private static InvalidTokenException.Reason reason(Runnable call) {
        return assertThrows(InvalidTokenException.class, call::run).reason();
    }

    @Test
    void aStateVerifiesOnceAnywhereTheKeyIsAndGivesBackTheNameAndTheSameVerifier() {
        OAuthState.Started started = states.start("acme");
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), started.expiresAt());
        assertFalse(started.state().contains(started.pkce().verifier()), "the verifier never travels in the state");
        OAuthState otherInstance = OAuthState.from(keys, Duration.ofMinutes(10), clock);
        OAuthState.Verified verified = otherInstance.verify(started.state());
        assertEquals("acme", verified.connectionName());
        assertEquals(started.pkce(), verified.pkce());
        assertEquals(REPLAYED, reason(() -> otherInstance.verify(started.state())));
        assertNotEquals(started.pkce(), states.start("acme").pkce());
    }

    @Test
    void expiredStatesAreRefused() {
        OAuthState.Started started = states.start("acme");
        clock.advance(Duration.ofMinutes(10));
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> states.verify(started.state()));
        assertEquals(EXPIRED, e.reason());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void forgedOrMalformedStatesAreRefused() {
        String state = states.start("acme").state();
        String payload = state.substring(0, state.indexOf('.'));
        String otherName = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("acme", "evil");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(otherName.getBytes(StandardCharsets.UTF_8))
                + state.substring(state.indexOf('.'));
        assertEquals(FORGED, reason(() -> states.verify(altered)));
        OAuthState otherKey = OAuthState.from(CredentialKeys.of(CredentialCipherTest.newKey(), List.of()),
                Duration.ofMinutes(10), clock);
        assertEquals(FORGED, reason(() -> otherKey.verify(state)));
        assertEquals(MALFORMED, reason(() -> states.verify(null)));
        assertEquals(MALFORMED, reason(() -> states.verify("nodot")));
        assertEquals(MALFORMED, reason(() -> states.verify("a".repeat(2000) + ".b")));
        assertEquals(MALFORMED, reason(() -> states.verify(payload + ".!!")));
    }

    @Test
    void aConnectLinkIsNotAStateAndAStateIsNotALink() {
        ConnectLinks links = ConnectLinks.from(keys, Duration.ofHours(1), clock);
        String link = links.create("acme").linkId();
        assertEquals(FORGED, reason(() -> states.verify(link)));
        // Even with one key for both, the purpose inside the signed payload keeps them apart.
        byte[] shared = keys.derive("shared");
        String sharedLink = new ConnectLinks(shared, Duration.ofHours(1), clock).create("acme").linkId();
        assertEquals(MALFORMED, reason(() -> new OAuthState(shared, Duration.ofMinutes(5), clock).verify(sharedLink)));
    }

    @Test
    void pkceVerifierAndS256ChallengeFollowRfc7636() throws Exception {
        // RFC 7636 appendix B.
        Pkce rfc = new Pkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", rfc.challenge());
        Pkce random = Pkce.random(new SecureRandom());
        assertEquals(43, random.verifier().length());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(random.verifier().getBytes(StandardCharsets.US_ASCII))), random.challenge());
        assertFalse(random.toString().contains(random.verifier()));
        assertThrows(IllegalArgumentException.class, () -> new Pkce("short"));
        assertThrows(IllegalArgumentException.class, () -> new Pkce("a".repeat(42) + "/"));
        assertThrows(IllegalArgumentException.class, () -> new Pkce("a".repeat(129)));
    }
}
