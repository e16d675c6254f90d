package dev.rcidentity.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.EncryptedCredential;
import dev.rcidentity.model.Json;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts a connection's {@link Secrets} with AES-256-GCM: the current key, a fresh random 12-byte nonce per write,
 * the connectionId as associated data (a credential copied onto another connection does not open). Decrypts with
 * whichever configured key the stored key id names, so a record written with an old key still opens; since every
 * write uses the current key, such a record is re-encrypted on its next write ({@link #needsReencryption}).
 */
public final class CredentialCipher {
    public static final String ALGORITHM = "AES-256-GCM";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Generous for five secrets of at most {@link Secrets#MAX_LENGTH} each, as JSON. */
    private static final int MAX_CIPHERTEXT_CHARS = 128 * 1024;

    private final CredentialKeys keys;
    private final SecureRandom random;

    public CredentialCipher(CredentialKeys keys) {
        this(keys, new SecureRandom());
    }

    CredentialCipher(CredentialKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    public String currentKeyId() {
        return keys.currentKeyId();
    }

    public EncryptedCredential encrypt(String connectionId, Secrets secrets) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plaintext = plaintext(secrets);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, connectionId);
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new EncryptedCredential(keys.currentKeyId(), ALGORITHM, base64.encodeToString(nonce),
                    base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for connection " + connectionId + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** @throws CredentialException naming the connection and key id when the credential cannot be opened */
    public Secrets decrypt(String connectionId, EncryptedCredential credential) {
        String keyId = credential.keyId();
        if (!ALGORITHM.equals(credential.algorithm())) {
            throw new CredentialException(connectionId, keyId, "unsupported algorithm '" + credential.algorithm()
                    + "', expected " + ALGORITHM);
        }
        SecretKey key = keys.forId(keyId).orElseThrow(() -> new CredentialException(connectionId, keyId,
                "no configured key has this id (configured: " + String.join(", ", keys.keyIds())
                        + "); add the key that wrote it to CREDENTIALS_OLD_KEYS"));
        byte[] nonce = base64(credential.nonce(), connectionId, keyId, "nonce", NONCE_BYTES * 2);
        byte[] ciphertext = base64(credential.ciphertext(), connectionId, keyId, "ciphertext", MAX_CIPHERTEXT_CHARS);
        if (nonce.length != NONCE_BYTES) {
            throw new CredentialException(connectionId, keyId, "the nonce holds " + nonce.length + " bytes, expected "
                    + NONCE_BYTES);
        }
        byte[] plaintext;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, key, nonce, connectionId).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new CredentialException(connectionId, keyId,
                    "it does not authenticate: the key is wrong, or the record was altered or belongs to another connection");
        } catch (GeneralSecurityException e) {
            throw new CredentialException(connectionId, keyId, "decryption failed (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return secrets(plaintext);
        } catch (IOException | IllegalArgumentException e) {
            throw new CredentialException(connectionId, keyId, "it decrypts but does not hold readable secrets");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** True when the credential was written with an older key: write it again (with {@link #encrypt}) to rotate it. */
    public boolean needsReencryption(EncryptedCredential credential) {
        return !keys.currentKeyId().equals(credential.keyId()) || !ALGORITHM.equals(credential.algorithm());
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String connectionId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] base64(String text, String connectionId, String keyId, String field, int maxChars) {
        if (text.length() > maxChars) {
            throw new CredentialException(connectionId, keyId, "the " + field + " is longer than " + maxChars + " characters");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(connectionId, keyId, "the " + field + " is not valid base64");
        }
    }

    /** The one place secrets become JSON, built field by field so nothing else can serialize them. */
    private static byte[] plaintext(Secrets secrets) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        putIfPresent(node, "clientSecret", secrets.clientSecret());
        putIfPresent(node, "jwt", secrets.jwt());
        putIfPresent(node, "refreshToken", secrets.refreshToken());
        putIfPresent(node, "webhookVerificationToken", secrets.webhookVerificationToken());
        putIfPresent(node, "importFingerprint", secrets.importFingerprint());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static Secrets secrets(byte[] plaintext) throws IOException {
        JsonNode node = Json.MAPPER.readTree(plaintext);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        return new Secrets(Json.text(node, "clientSecret"), Json.text(node, "jwt"), Json.text(node, "refreshToken"),
                Json.text(node, "webhookVerificationToken"), Json.text(node, "importFingerprint"));
    }
}
