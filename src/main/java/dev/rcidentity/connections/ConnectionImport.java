package dev.rcidentity.connections;

import dev.rcidentity.model.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports the connections a file ({@code RC_CONNECTIONS_FILE}) or the environment ({@code RC_CLIENT_ID},
 * {@code RC_CLIENT_SECRET}, {@code RC_JWT}) describes into {@code rc.connections.v1}, by name: a missing one is
 * created; an existing one is replaced only when the entry's credential differs from the one imported last time
 * ({@link ImportFingerprint}, kept inside the encrypted secrets). So a restart with the same file leaves a rotated
 * refresh token alone, and an edited entry takes effect (ACTIVE again, even after a rejection). Connections missing
 * from the file are left as they are: the topic, not the file, is the list of connections.
 */
public final class ConnectionImport {
    /** One entry: {@code secrets} holds the client secret and the JWT, the refresh token, or both. */
    public record Entry(String name, String serverUrl, String clientId, Secrets secrets) {
    }

    public enum Result { CREATED, UPDATED, UNCHANGED, SKIPPED }

    private static final Logger log = LoggerFactory.getLogger(ConnectionImport.class);

    private final ConnectionStore store;
    private final CredentialCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ConnectionImport(ConnectionStore store, CredentialCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Imports every entry; what happened to each, by name. */
    public Map<String, Result> importAll(List<Entry> entries) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Result result = importOne(entry);
            results.put(entry.name(), result);
            log.info("Connection '{}' from the configuration: {}", entry.name(), result.name().toLowerCase());
        }
        return results;
    }

    private Result importOne(Entry entry) {
        String fingerprint = ImportFingerprint.of(entry.serverUrl(), entry.clientId(), entry.secrets());
        Secrets secrets = entry.secrets().withImportFingerprint(fingerprint);
        String grant = secrets.refreshToken() != null ? Connection.GRANT_REFRESH_TOKEN : Connection.GRANT_JWT;
        Instant now = clock.instant();
        Optional<Connection> existing = store.byName(entry.name());
        if (existing.isEmpty()) {
            String id = Connection.newId(random);
            store.put(new Connection(id, entry.name(), entry.serverUrl(), entry.clientId(), grant, null, null,
                    Connection.ACTIVE, null, now, now, cipher.encrypt(id, secrets)));
            return Result.CREATED;
        }
        Connection held = existing.get();
        String id = held.connectionId();
        try {
            if (fingerprint.equals(cipher.decrypt(id, held.credential()).importFingerprint())) {
                return Result.UNCHANGED;
            }
        } catch (CredentialException e) {
            log.warn("Connection '{}' is not updated from the configuration: {}", entry.name(), e.getMessage());
            return Result.SKIPPED;
        }
        store.put(new Connection(id, entry.name(), entry.serverUrl(), entry.clientId(), grant, held.accountId(),
                held.ownerId(), Connection.ACTIVE, null, held.createdAt(), now, cipher.encrypt(id, secrets)));
        return Result.UPDATED;
    }
}
