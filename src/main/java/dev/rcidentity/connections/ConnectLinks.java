package dev.rcidentity.connections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One-time connect links: an admin asks for a link for a connection name, a customer's admin follows it once within
 * its validity to start the OAuth flow. The link id is signed (HMAC-SHA256) and self-contained, so any instance with
 * the same credentials key redeems it; each instance accepts it once.
 */
public final class ConnectLinks {
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    private static final String PURPOSE = "connect-link";

    public record Link(String linkId, String name, Instant expiresAt) {
    }

    private final SignedTokens tokens;

    public ConnectLinks(byte[] signingKey, Duration validity, Clock clock) {
        this.tokens = new SignedTokens(signingKey, PURPOSE, validity, clock);
    }

    public static ConnectLinks from(CredentialKeys keys, Duration validity, Clock clock) {
        return new ConnectLinks(keys.derive(PURPOSE), validity, clock);
    }

    /** @throws IllegalArgumentException when the name is blank or too long */
    public Link create(String name) {
        SignedTokens.Issued issued = tokens.issue(name);
        return new Link(issued.token(), name, issued.claims().expiresAt());
    }

    /**
     * The connection name of the link, once.
     *
     * @throws InvalidTokenException when the link is malformed, forged, expired or already used
     */
    public String redeem(String linkId) {
        return tokens.redeem(linkId).name();
    }
}
