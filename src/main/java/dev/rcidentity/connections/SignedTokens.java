package dev.rcidentity.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static dev.rcidentity.connections.InvalidTokenException.Reason.EXPIRED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.FORGED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.MALFORMED;
import static dev.rcidentity.connections.InvalidTokenException.Reason.REPLAYED;

/**
 * Self-contained tokens {@code base64url(payload).base64url(HMAC-SHA256)} carrying a random id, a connection name
 * and an expiry, for one purpose. Any instance holding the same key verifies them; each is accepted once per
 * instance ({@link SingleUse}).
 */
final class SignedTokens {
    record Claims(String id, String name, Instant expiresAt) {
    }

    record Issued(String token, Claims claims) {
    }

    static final Duration MAX_TTL = Duration.ofDays(7);
    private static final int MAX_TOKEN_CHARS = 1024;
    private static final int MAX_TRACKED = 10_000;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final String purpose;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SingleUse used = new SingleUse(MAX_TRACKED);

    SignedTokens(byte[] key, String purpose, Duration ttl, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The signing key must hold at least 32 bytes");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("A " + purpose + " must be valid for more than 0 and at most " + MAX_TTL);
        }
        this.key = key.clone();
        this.purpose = purpose;
        this.ttl = ttl;
        this.clock = clock;
    }

    Issued issue(String name) {
        if (name == null || name.isBlank() || name.length() > Connection.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A connection name must be 1 to " + Connection.MAX_NAME_LENGTH
                    + " characters");
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        Claims claims = new Claims(ENCODER.encodeToString(id), name, clock.instant().plus(ttl));
        ObjectNode payload = Json.MAPPER.createObjectNode().put("p", purpose).put("id", claims.id()).put("n", name)
                .put("exp", claims.expiresAt().toEpochMilli());
        String encoded = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return new Issued(encoded + "." + ENCODER.encodeToString(mac(encoded)), claims);
    }

    /** Verifies signature, purpose and expiry, and marks the token used: a second redeem fails as REPLAYED. */
    Claims redeem(String token) {
        Claims claims = verify(token);
        if (!used.claim(claims.id(), claims.expiresAt(), clock.instant(), purpose)) {
            throw new InvalidTokenException(REPLAYED, "This " + purpose + " was already used");
        }
        return claims;
    }

    private Claims verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException(MALFORMED, "Not a " + purpose);
        }
        String encoded = token.substring(0, dot);
        byte[] signature;
        JsonNode payload;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(encoded))) {
                throw new InvalidTokenException(FORGED, "This " + purpose + " was not issued here or was altered");
            }
            payload = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidTokenException(MALFORMED, "Not a " + purpose);
        }
        String id = Json.text(payload, "id");
        String name = Json.text(payload, "n");
        JsonNode expiry = payload.get("exp");
        if (!purpose.equals(Json.text(payload, "p")) || id == null || name == null || expiry == null
                || !expiry.canConvertToLong()) {
            throw new InvalidTokenException(MALFORMED, "Not a " + purpose);
        }
        Instant expiresAt = Instant.ofEpochMilli(expiry.asLong());
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidTokenException(EXPIRED, "This " + purpose + " expired at " + expiresAt);
        }
        return new Claims(id, name, expiresAt);
    }

    /** HMAC-SHA256 of {@code data} with this purpose's key. */
    byte[] mac(String data) {
        return Hmac.sha256(key, data);
    }
}
