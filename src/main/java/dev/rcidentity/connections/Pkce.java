package dev.rcidentity.connections;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636): the {@code code_verifier} kept back until the code exchange, and its S256
 * {@code code_challenge} sent with the authorization request.
 */
public record Pkce(String verifier) {
    public static final String METHOD = "S256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public Pkce {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128
                || !verifier.chars().allMatch(Pkce::unreserved)) {
            throw new IllegalArgumentException("A PKCE code_verifier is 43 to 128 characters of [A-Za-z0-9-._~]");
        }
    }

    /** 32 random bytes, base64url: a 43-character verifier. */
    public static Pkce random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Pkce(BASE64URL.encodeToString(bytes));
    }

    /** {@code BASE64URL(SHA-256(verifier))} without padding. */
    public String challenge() {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static boolean unreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /** The verifier is a secret until the exchange. */
    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge() + "]";
    }
}
