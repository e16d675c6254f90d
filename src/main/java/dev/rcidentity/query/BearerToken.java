package dev.rcidentity.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * A configured bearer token ({@code API_TOKEN}, {@code ADMIN_TOKEN}) and the check of an {@code Authorization}
 * header against it. Both sides are hashed before the constant-time comparison, so neither the content nor the
 * length of the token shows in the time a wrong guess takes.
 */
public final class BearerToken {
    private static final String PREFIX = "Bearer ";
    private final byte[] expectedHash;

    private BearerToken(String token) {
        this.expectedHash = sha256(token);
    }

    /** @throws IllegalArgumentException when the token is blank */
    public static BearerToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token must not be blank");
        }
        return new BearerToken(token.strip());
    }

    /** Null when no token is configured. */
    public static BearerToken ofNullable(String token) {
        return token == null || token.isBlank() ? null : of(token);
    }

    /** True when the header is {@code Bearer <this token>}. */
    public boolean matches(String authorizationHeader) {
        String given = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? authorizationHeader.substring(PREFIX.length()).strip() : "";
        return MessageDigest.isEqual(sha256(given), expectedHash);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
