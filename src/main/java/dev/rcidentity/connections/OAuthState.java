package dev.rcidentity.connections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code state} of RingCentral's authorization-code flow: signed (HMAC-SHA256), expiring and accepted once,
 * carrying the name of the connection to create. Its random id is the reference of the PKCE verifier: the verifier
 * is derived from it with the signing key, so it never travels to the browser or RingCentral, and any instance
 * with the same key can finish a flow another one started, with no shared store.
 */
public final class OAuthState {
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(10);
    private static final String PURPOSE = "oauth-state";

    /** What {@code /oauth/authorize} needs: the state and the PKCE challenge to send, and until when it is valid. */
    public record Started(String state, Pkce pkce, Instant expiresAt) {
    }

    /** What {@code /oauth/callback} gets back from a valid state. */
    public record Verified(String connectionName, Pkce pkce) {
    }

    private final SignedTokens tokens;

    public OAuthState(byte[] signingKey, Duration validity, Clock clock) {
        this.tokens = new SignedTokens(signingKey, PURPOSE, validity, clock);
    }

    /** Signing key derived from the credentials key: every instance with the same key agrees. */
    public static OAuthState from(CredentialKeys keys, Duration validity, Clock clock) {
        return new OAuthState(keys.derive(PURPOSE), validity, clock);
    }

    public Started start(String connectionName) {
        SignedTokens.Issued issued = tokens.issue(connectionName);
        return new Started(issued.token(), verifierFor(issued.claims().id()), issued.claims().expiresAt());
    }

    /** @throws InvalidTokenException when the state is malformed, forged, expired or already used */
    public Verified verify(String state) {
        SignedTokens.Claims claims = tokens.redeem(state);
        return new Verified(claims.name(), verifierFor(claims.id()));
    }

    private Pkce verifierFor(String stateId) {
        return new Pkce(Pkce.base64url(tokens.mac("pkce-verifier\0" + stateId)));
    }
}
