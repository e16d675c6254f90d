package dev.rcidentity.connections;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A connection's secrets in clear, in memory only: the app's client secret, the JWT or the (rotating) refresh token,
 * the webhook verification token, and the fingerprint of the credential last imported from a file or the environment
 * ({@link ImportFingerprint}); any may be null. {@link CredentialCipher} is the only place they are written out
 * (encrypted); {@code toString} and JSON show nothing of them.
 */
public record Secrets(String clientSecret, String jwt, String refreshToken, String webhookVerificationToken,
                      String importFingerprint) {
    /** Each secret is bounded: a RingCentral JWT is a few KiB at most. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final String REDACTED = "Secrets[redacted]";

    public Secrets {
        bounded(clientSecret, "clientSecret");
        bounded(jwt, "jwt");
        bounded(refreshToken, "refreshToken");
        bounded(webhookVerificationToken, "webhookVerificationToken");
        bounded(importFingerprint, "importFingerprint");
    }

    public Secrets(String clientSecret, String jwt, String refreshToken, String webhookVerificationToken) {
        this(clientSecret, jwt, refreshToken, webhookVerificationToken, null);
    }

    public static Secrets forJwt(String clientSecret, String jwt) {
        return new Secrets(clientSecret, jwt, null, null);
    }

    public static Secrets forRefreshToken(String clientSecret, String refreshToken) {
        return new Secrets(clientSecret, null, refreshToken, null);
    }

    /** After a token exchange that rotated the refresh token. */
    public Secrets withRefreshToken(String newRefreshToken) {
        return new Secrets(clientSecret, jwt, newRefreshToken, webhookVerificationToken, importFingerprint);
    }

    public Secrets withWebhookVerificationToken(String token) {
        return new Secrets(clientSecret, jwt, refreshToken, token, importFingerprint);
    }

    public Secrets withImportFingerprint(String fingerprint) {
        return new Secrets(clientSecret, jwt, refreshToken, webhookVerificationToken, fingerprint);
    }

    private static void bounded(String value, String field) {
        if (value != null && value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    /** A Secrets value put into a JSON document by mistake shows as redacted, never in clear. */
    @JsonValue
    String redacted() {
        return REDACTED;
    }
}
