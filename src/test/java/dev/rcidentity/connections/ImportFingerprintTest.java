package dev.rcidentity.connections;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ImportFingerprintTest {
    private static final String SERVER = "https://platform.ringcentral.com";
    private static final Secrets SECRETS = new Secrets("client-secret", "eyJ.jwt", "refresh-1", null);

    @Test
    void theSameEntryHasTheSameFingerprintAndEveryFieldCounts() {
        String fingerprint = ImportFingerprint.of(SERVER, "app", SECRETS);
        assertEquals(fingerprint, ImportFingerprint.of(SERVER, "app", new Secrets("client-secret", "eyJ.jwt",
                "refresh-1", null)));
        assertNotEquals(fingerprint, ImportFingerprint.of("http://127.0.0.1:1", "app", SECRETS));
        assertNotEquals(fingerprint, ImportFingerprint.of(SERVER, "app2", SECRETS));
        assertNotEquals(fingerprint, ImportFingerprint.of(SERVER, "app", new Secrets("client-secret2", "eyJ.jwt", "refresh-1", null)));
        assertNotEquals(fingerprint, ImportFingerprint.of(SERVER, "app", new Secrets("client-secret", "eyJ.jwt2", "refresh-1", null)));
        assertNotEquals(fingerprint, ImportFingerprint.of(SERVER, "app", SECRETS.withRefreshToken("refresh-2")));
        assertNotEquals(fingerprint, ImportFingerprint.of(SERVER, "app", SECRETS.withRefreshToken(null)));
    }

    @Test
    void movingCharactersBetweenFieldsChangesIt() {
        assertNotEquals(ImportFingerprint.of(SERVER, "ab", new Secrets("c", null, "r", null)),
                ImportFingerprint.of(SERVER, "a", new Secrets("bc", null, "r", null)));
        assertNotEquals(ImportFingerprint.of(SERVER, "a", new Secrets("", null, "r", null)),
                ImportFingerprint.of(SERVER, "a", new Secrets(null, null, "r", null)));
    }

    @Test
    void itIsNotTheVerbatimSecretsAndTheCipherKeepsIt() {
        String fingerprint = ImportFingerprint.of(SERVER, "app", SECRETS);
        assertFalse(fingerprint.contains("client-secret") || fingerprint.contains("refresh-1"));
        CredentialCipher cipher = new CredentialCipher(CredentialKeys.of(CredentialCipherTest.newKey(), java.util.List.of()));
        Secrets stored = SECRETS.withImportFingerprint(fingerprint);
        assertEquals(fingerprint, cipher.decrypt("42", cipher.encrypt("42", stored)).importFingerprint());
        assertEquals(fingerprint, stored.withRefreshToken("rotated").importFingerprint(), "rotation keeps it");
    }
}
