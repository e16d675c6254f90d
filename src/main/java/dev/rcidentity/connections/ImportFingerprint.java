package dev.rcidentity.connections;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The fingerprint of a credential as a file or the environment gave it (server, app, client secret, JWT, refresh
 * token), so an import can tell "the same entry as last time" from "an entry the operator changed" without keeping
 * the entry itself. It is stored only inside the encrypted {@link Secrets}, so a plain SHA-256 reveals nothing a
 * reader of the topic could use; a keyed MAC would add nothing but would stop matching after a key rotation, and a
 * fingerprint that stops matching makes the next import overwrite the rotated refresh token.
 */
public final class ImportFingerprint {
    private ImportFingerprint() {
    }

    public static String of(String serverUrl, String clientId, Secrets secrets) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[]{"rc-identity import v1", serverUrl, clientId, secrets.clientSecret(),
                    secrets.jwt(), secrets.refreshToken()}) {
                // Length-prefixed, so moving characters from one field to the next changes the fingerprint.
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
