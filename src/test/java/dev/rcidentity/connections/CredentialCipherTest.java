package dev.rcidentity.connections;

import dev.rcidentity.model.EncryptedCredential;
import dev.rcidentity.model.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialCipherTest {
    static final Secrets SECRETS = new Secrets("client-secret-XYZ", "eyJhbGciOi.jwt-payload.sig", "refresh-token-123",
            "webhook-token-456");

    static byte[] newKey() {
        return CredentialKeys.generate();
    }

    private static CredentialCipher cipher(byte[] current, byte[]... old) {
        return new CredentialCipher(CredentialKeys.of(current, List.of(old)));
    }

    private static void assertNamesKeyAndConnectionOnly(CredentialException e, String connectionId, String keyId) {
        assertEquals(connectionId, e.connectionId());
        assertEquals(keyId, e.keyId());
        assertTrue(e.getMessage().contains("connection " + connectionId) && e.getMessage().contains("key id " + keyId),
                e.getMessage());
        for (String secret : List.of(SECRETS.clientSecret(), SECRETS.jwt(), SECRETS.refreshToken(),
                SECRETS.webhookVerificationToken())) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void roundTripsWithAFreshNonceEveryWriteAndNoPlaintextInTheRecord() throws Exception {
        CredentialCipher cipher = cipher(newKey());
        EncryptedCredential first = cipher.encrypt("42", SECRETS);
        EncryptedCredential second = cipher.encrypt("42", SECRETS);
        assertEquals(SECRETS, cipher.decrypt("42", first));
        assertEquals(SECRETS, cipher.decrypt("42", second));
        assertNotEquals(first.nonce(), second.nonce());
        assertNotEquals(first.ciphertext(), second.ciphertext());
        assertEquals(12, Base64.getDecoder().decode(first.nonce()).length);
        assertEquals("AES-256-GCM", first.algorithm());
        assertEquals(cipher.currentKeyId(), first.keyId());
        String stored = Json.MAPPER.writeValueAsString(first);
        assertFalse(stored.contains("client-secret") || stored.contains("refresh-token") || stored.contains("jwt-payload"), stored);
    }

    @Test
    void nullSecretsStayNull() {
        CredentialCipher cipher = cipher(newKey());
        Secrets onlyJwt = Secrets.forJwt("s", "j");
        assertEquals(onlyJwt, cipher.decrypt("1", cipher.encrypt("1", onlyJwt)));
    }

    @Test
    void aWrongKeyWithTheSameIdOrAnUnknownKeyIdFailsNamingTheKeyIdAndConnection() {
        EncryptedCredential credential = cipher(newKey()).encrypt("42", SECRETS);
        CredentialException unknown = assertThrows(CredentialException.class,
                () -> cipher(newKey()).decrypt("42", credential));
        assertNamesKeyAndConnectionOnly(unknown, "42", credential.keyId());
        assertTrue(unknown.getMessage().contains("CREDENTIALS_OLD_KEYS"), unknown.getMessage());

        byte[] other = newKey();
        CredentialCipher otherCipher = cipher(other);
        EncryptedCredential sameIdOtherKey = new EncryptedCredential(CredentialKeys.keyId(other), credential.algorithm(),
                credential.nonce(), credential.ciphertext());
        CredentialException wrong = assertThrows(CredentialException.class, () -> otherCipher.decrypt("42", sameIdOtherKey));
        assertNamesKeyAndConnectionOnly(wrong, "42", sameIdOtherKey.keyId());
        assertTrue(wrong.getMessage().contains("does not authenticate"), wrong.getMessage());
    }

    @Test
    void tamperedCiphertextNonceOrAssociatedDataFail() {
        CredentialCipher cipher = cipher(newKey());
        EncryptedCredential c = cipher.encrypt("42", SECRETS);
        byte[] bytes = Base64.getDecoder().decode(c.ciphertext());
        bytes[3] ^= 1;
        EncryptedCredential flipped = new EncryptedCredential(c.keyId(), c.algorithm(), c.nonce(),
                Base64.getEncoder().encodeToString(bytes));
        assertNamesKeyAndConnectionOnly(assertThrows(CredentialException.class, () -> cipher.decrypt("42", flipped)),
                "42", c.keyId());
        byte[] nonce = Base64.getDecoder().decode(c.nonce());
        nonce[0] ^= 1;
        EncryptedCredential otherNonce = new EncryptedCredential(c.keyId(), c.algorithm(),
                Base64.getEncoder().encodeToString(nonce), c.ciphertext());
        assertThrows(CredentialException.class, () -> cipher.decrypt("42", otherNonce));
        // The same record under another connection: the associated data differs.
        assertNamesKeyAndConnectionOnly(assertThrows(CredentialException.class, () -> cipher.decrypt("43", c)), "43", c.keyId());
    }

    @Test
    void malformedFieldsAndOtherAlgorithmsFailClearly() {
        CredentialCipher cipher = cipher(newKey());
        EncryptedCredential c = cipher.encrypt("42", SECRETS);
        assertTrue(assertThrows(CredentialException.class, () -> cipher.decrypt("42",
                new EncryptedCredential(c.keyId(), "AES-128-CBC", c.nonce(), c.ciphertext()))).getMessage()
                .contains("unsupported algorithm 'AES-128-CBC'"));
        assertTrue(assertThrows(CredentialException.class, () -> cipher.decrypt("42",
                new EncryptedCredential(c.keyId(), c.algorithm(), "not base64!", c.ciphertext()))).getMessage()
                .contains("nonce is not valid base64"));
        assertTrue(assertThrows(CredentialException.class, () -> cipher.decrypt("42",
                new EncryptedCredential(c.keyId(), c.algorithm(), "AAAA", c.ciphertext()))).getMessage()
                .contains("nonce holds 3 bytes"));
    }

    @Test
    void anOldKeyStillDecryptsAndTheNextWriteUsesTheCurrentKey() {
        byte[] oldKey = newKey();
        EncryptedCredential written = cipher(oldKey).encrypt("42", SECRETS);
        byte[] currentKey = newKey();
        CredentialCipher rotated = cipher(currentKey, oldKey);
        assertTrue(rotated.needsReencryption(written));
        Secrets read = rotated.decrypt("42", written);
        assertEquals(SECRETS, read);
        EncryptedCredential rewritten = rotated.encrypt("42", read.withRefreshToken("refresh-token-124"));
        assertEquals(rotated.currentKeyId(), rewritten.keyId());
        assertFalse(rotated.needsReencryption(rewritten));
        assertEquals("refresh-token-124", rotated.decrypt("42", rewritten).refreshToken());
        // Once the old key is dropped, the old record no longer opens, the rewritten one does.
        CredentialCipher withoutOld = cipher(currentKey);
        assertThrows(CredentialException.class, () -> withoutOld.decrypt("42", written));
        assertEquals(read.clientSecret(), withoutOld.decrypt("42", rewritten).clientSecret());
    }

    @Test
    void secretsNeverShowInToStringOrJson() throws Exception {
        assertEquals("Secrets[redacted]", SECRETS.toString());
        String json = Json.MAPPER.writeValueAsString(java.util.Map.of("secrets", SECRETS));
        assertFalse(json.contains("client-secret") || json.contains("refresh-token"), json);
        assertTrue(new String(Json.MAPPER.writeValueAsBytes(SECRETS), StandardCharsets.UTF_8).contains("redacted"));
    }
}
