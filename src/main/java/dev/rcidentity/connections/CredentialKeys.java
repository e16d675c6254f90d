package dev.rcidentity.connections;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AES-256 keys of the connection credentials: one current key that encrypts every write, older keys that only
 * decrypt (rotation). Each key is known by a key id derived from it, stored next to each ciphertext.
 */
public final class CredentialKeys {
    public static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SETTINGS = "CREDENTIALS_KEY or CREDENTIALS_KEY_FILE";

    private final String currentKeyId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    private CredentialKeys(byte[] current, List<byte[]> old) {
        this.currentKeyId = keyId(current);
        byId.put(currentKeyId, new SecretKeySpec(current, "AES"));
        for (byte[] key : old) {
            byId.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
        }
    }

    /** A new random key of {@link #KEY_BYTES} bytes. */
    public static byte[] generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** From raw keys of {@link #KEY_BYTES} bytes each. */
    public static CredentialKeys of(byte[] current, List<byte[]> old) {
        checkLength(current, "the current key");
        old.forEach(key -> checkLength(key, "an old key"));
        return new CredentialKeys(current.clone(), old.stream().map(byte[]::clone).toList());
    }

    /**
     * From the settings' values: exactly one of {@code key} ({@code CREDENTIALS_KEY}, base64) and {@code keyFile}
     * ({@code CREDENTIALS_KEY_FILE}), and {@code oldKeys} ({@code CREDENTIALS_OLD_KEYS}, comma-separated, may be null).
     */
    public static CredentialKeys load(String key, Path keyFile, String oldKeys) {
        boolean hasKey = key != null && !key.isBlank();
        if (hasKey == (keyFile != null)) {
            throw new CredentialKeyException(hasKey
                    ? "Both CREDENTIALS_KEY and CREDENTIALS_KEY_FILE are set: set only one"
                    : "No credentials key: set " + SETTINGS + " (a base64 AES-256 key of 32 bytes)");
        }
        byte[] current = hasKey ? parse(key, "CREDENTIALS_KEY") : CredentialKeyFile.read(keyFile);
        return new CredentialKeys(current, parseList(oldKeys, "CREDENTIALS_OLD_KEYS"));
    }

    /** A base64 key of exactly 32 bytes; the error names {@code source} and never echoes the value. */
    public static byte[] parse(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CredentialKeyException(source + " is not valid base64 (expected a base64 AES-256 key of "
                    + KEY_BYTES + " bytes, e.g. from `openssl rand -base64 32`)");
        }
        checkLength(key, source);
        return key;
    }

    /** Comma-separated base64 keys; blank entries are skipped; null or blank means none. */
    public static List<byte[]> parseList(String commaSeparated, String source) {
        List<byte[]> keys = new ArrayList<>();
        if (commaSeparated == null) {
            return keys;
        }
        String[] parts = commaSeparated.split(",");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                keys.add(parse(parts[i], source + " (entry " + (i + 1) + ")"));
            }
        }
        return keys;
    }

    /** The id stored with every ciphertext: 8 bytes of a SHA-256 over the key, in hex. Reveals nothing usable. */
    public static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rc-identity credentials key id\0".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Every key id that can decrypt: the current one first. */
    public List<String> keyIds() {
        return List.copyOf(byId.keySet());
    }

    SecretKey current() {
        return byId.get(currentKeyId);
    }

    Optional<SecretKey> forId(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /**
     * A 32-byte key for another purpose (signing OAuth states and connect links), derived from the current key with
     * HMAC-SHA256 so it can never decrypt anything.
     */
    public byte[] derive(String purpose) {
        return Hmac.sha256(current().getEncoded(), "rc-identity derived key\0" + purpose);
    }

    private static void checkLength(byte[] key, String source) {
        if (key == null || key.length != KEY_BYTES) {
            throw new CredentialKeyException(source + " must hold exactly " + KEY_BYTES + " bytes (AES-256), it holds "
                    + (key == null ? 0 : key.length));
        }
    }

    @Override
    public String toString() {
        return "CredentialKeys[current=" + currentKeyId + ", readable=" + byId.keySet() + "]";
    }
}
