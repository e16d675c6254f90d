package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStoreException;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storing a rotated refresh token: on the newest record, re-encrypted with the current key, retried when Kafka fails. */
class DurableCredentialsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ID = "1234567890";
    private static final Secrets SECRETS = Secrets.forRefreshToken("client-secret", "refresh-0")
            .withImportFingerprint("fp");

    private final byte[] oldKey = key();
    private final byte[] currentKey = key();
    private final CredentialCipher oldCipher = new CredentialCipher(CredentialKeys.of(oldKey, List.of()));
    private final CredentialCipher cipher = new CredentialCipher(CredentialKeys.of(currentKey, List.of(oldKey)));

    /** Fails the first {@code failures} writes, as Kafka would without acknowledgement. */
    static final class FakeRecords implements ConnectionCatalog {
        final List<Connection> written = new ArrayList<>();
        Connection latest;
        int failures;

        @Override
        public Optional<Connection> get(String connectionId) {
            return Optional.ofNullable(latest);
        }

        @Override
        public Optional<Connection> byName(String name) {
            return get(ID).filter(c -> c.name().equals(name));
        }

        @Override
        public List<Connection> all() {
            return get(ID).stream().toList();
        }

        @Override
        public void put(Connection connection) {
            if (failures-- > 0) {
                throw new ConnectionStoreException("No acknowledgement from Kafka for connection " + ID, null);
            }
            written.add(connection);
            latest = connection;
        }

        @Override
        public void remove(String connectionId) {
            latest = null;
        }
    }

    private static byte[] key() {
        return CredentialKeys.generate();
    }

    private FakeRecords records() {
        FakeRecords records = new FakeRecords();
        records.latest = new Connection(ID, "acme", "https://platform.ringcentral.com", "app",
                Connection.GRANT_REFRESH_TOKEN, "400001", "400001", Connection.ACTIVE, null, NOW.minusSeconds(60),
                NOW.minusSeconds(60), oldCipher.encrypt(ID, SECRETS));
        return records;
    }

    private DurableCredentials sink(FakeRecords records) {
        return new DurableCredentials(ID, SECRETS, records, cipher, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    }

    @Test
    void aFailedWriteIsRetriedAndTheNewestRecordGetsTheTokenUnderTheCurrentKey() throws InterruptedException {
        FakeRecords records = records();
        records.failures = DurableCredentials.ATTEMPTS - 1;
        Connection before = records.latest;

        sink(records).rotated("refresh-1");

        assertEquals(1, records.written.size());
        Connection written = records.written.get(0);
        assertEquals(cipher.currentKeyId(), written.credential().keyId());
        assertEquals(SECRETS.withRefreshToken("refresh-1"), cipher.decrypt(ID, written.credential()));
        assertEquals(before.withCredential(written.credential(), NOW), written, "only the credential and updatedAt");
    }

    @Test
    void whenEveryAttemptFailsTheCallerHearsSoWithoutTheToken() {
        FakeRecords records = records();
        records.failures = DurableCredentials.ATTEMPTS;
        CredentialNotDurableException e = assertThrows(CredentialNotDurableException.class,
                () -> sink(records).rotated("refresh-secret-1"));
        assertTrue(e.getMessage().contains(ID), e.getMessage());
        assertFalse(e.getMessage().contains("refresh-secret-1"), e.getMessage());
        assertTrue(records.written.isEmpty());

        records.failures = 0;
        assertThrows(CredentialNotDurableException.class, () -> {
            records.latest = null;
            sink(records).rotated("refresh-2");
        }, "a removed connection is not written again");
        assertTrue(records.written.isEmpty());
    }

    @Test
    void aCredentialReplacedElsewhereIsNotOverwritten() {
        FakeRecords records = records();
        Secrets imported = Secrets.forRefreshToken("client-secret", "refresh-from-the-file").withImportFingerprint("fp2");
        records.latest = records.latest.withCredential(cipher.encrypt(ID, imported), NOW);
        Connection replaced = records.latest;
        assertThrows(CredentialNotDurableException.class, () -> sink(records).rotated("refresh-1"));
        assertTrue(records.written.isEmpty());
        assertEquals(replaced, records.latest);
    }
}
