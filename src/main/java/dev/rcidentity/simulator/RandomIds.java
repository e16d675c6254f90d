package dev.rcidentity.simulator;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: tokens, codes, session ids, subscription ids. */
final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    static String urlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
