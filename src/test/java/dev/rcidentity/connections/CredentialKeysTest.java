package dev.rcidentity.connections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialKeysTest {
    @TempDir
    Path dir;

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void parsesABase64KeyOfExactly32BytesAndRefusesOthersWithoutEchoingThem() {
        byte[] key = CredentialCipherTest.newKey();
        assertArrayEquals(key, CredentialKeys.parse(" " + base64(key) + "\n", "CREDENTIALS_KEY"));
        String shortKey = base64(new byte[16]);
        CredentialKeyException tooShort = assertThrows(CredentialKeyException.class,
                () -> CredentialKeys.parse(shortKey, "CREDENTIALS_KEY"));
        assertEquals("CREDENTIALS_KEY must hold exactly 32 bytes (AES-256), it holds 16", tooShort.getMessage());
        CredentialKeyException notBase64 = assertThrows(CredentialKeyException.class,
                () -> CredentialKeys.parse("s3cr3t-p@ssw0rd!", "CREDENTIALS_KEY"));
        assertTrue(notBase64.getMessage().startsWith("CREDENTIALS_KEY is not valid base64"), notBase64.getMessage());
        assertFalse(notBase64.getMessage().contains("s3cr3t"), notBase64.getMessage());
    }

    @Test
    void loadsTheCurrentKeyAndOldKeysForReadingOnly() {
        byte[] current = CredentialCipherTest.newKey();
        byte[] old1 = CredentialCipherTest.newKey();
        byte[] old2 = CredentialCipherTest.newKey();
        CredentialKeys keys = CredentialKeys.load(base64(current), null, base64(old1) + ", ," + base64(old2));
        assertEquals(CredentialKeys.keyId(current), keys.currentKeyId());
        assertEquals(List.of(CredentialKeys.keyId(current), CredentialKeys.keyId(old1), CredentialKeys.keyId(old2)),
                keys.keyIds());
        assertEquals(16, keys.currentKeyId().length());
        CredentialKeyException badOld = assertThrows(CredentialKeyException.class,
                () -> CredentialKeys.load(base64(current), null, base64(old1) + ",AAAA"));
        assertTrue(badOld.getMessage().startsWith("CREDENTIALS_OLD_KEYS (entry 2) must hold exactly 32 bytes"),
                badOld.getMessage());
    }

    @Test
    void refusesNoKeyOrBothNamingTheSettings() {
        assertTrue(assertThrows(CredentialKeyException.class, () -> CredentialKeys.load(null, null, null))
                .getMessage().contains("set CREDENTIALS_KEY or CREDENTIALS_KEY_FILE"));
        assertTrue(assertThrows(CredentialKeyException.class,
                () -> CredentialKeys.load(base64(CredentialCipherTest.newKey()), dir.resolve("k"), null))
                .getMessage().contains("set only one"));
    }

    @Test
    void derivedKeysDifferByPurposeAndFromTheKeyItself() {
        byte[] key = CredentialCipherTest.newKey();
        CredentialKeys keys = CredentialKeys.of(key, List.of());
        assertEquals(32, keys.derive("oauth-state").length);
        assertArrayEquals(keys.derive("oauth-state"), CredentialKeys.of(key, List.of()).derive("oauth-state"));
        assertNotEquals(base64(keys.derive("oauth-state")), base64(keys.derive("connect-link")));
        assertNotEquals(base64(key), base64(keys.derive("oauth-state")));
    }

    @Test
    void aKeyFileIsCreatedOnceOwnerOnlyAndThenRead() throws Exception {
        Path file = dir.resolve("data/credentials.key");
        assertTrue(CredentialKeyFile.createIfMissing(file));
        byte[] key = CredentialKeyFile.read(file);
        assertEquals(32, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(CredentialKeyFile.createIfMissing(file));
        assertArrayEquals(key, CredentialKeyFile.read(file));
        assertEquals(CredentialKeys.keyId(key), CredentialKeys.load(null, file, null).currentKeyId());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aMissingOrMalformedKeyFileIsNamed() throws Exception {
        Path missing = dir.resolve("missing.key");
        assertTrue(assertThrows(CredentialKeyException.class, () -> CredentialKeyFile.read(missing)).getMessage()
                .contains(missing.toString()));
        Path bad = Files.writeString(dir.resolve("bad.key"), "hunter2");
        CredentialKeyException e = assertThrows(CredentialKeyException.class, () -> CredentialKeyFile.read(bad));
        assertTrue(e.getMessage().startsWith("CREDENTIALS_KEY_FILE " + bad), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
