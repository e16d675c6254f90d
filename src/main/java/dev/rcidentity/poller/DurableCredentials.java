package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStoreException;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialException;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Stores a connection's rotated refresh token in its {@code rc.connections.v1} record (re-encrypted with the current
 * key, {@code updatedAt} now) and returns only once Kafka acknowledged it (acks=all, idempotent), so the token that
 * replaced the spent one survives any restart. A failed write is retried a bounded number of times; then the caller
 * holds the access token back and tries again at the next sweep. A removed connection is not written again, nor one
 * whose credential was replaced elsewhere (an import of an edited entry): that one restarts from its newest record.
 */
final class DurableCredentials implements CredentialSink {
    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(DurableCredentials.class);

    private final String connectionId;
    private final Secrets secrets;
    private final ConnectionCatalog records;
    private final CredentialCipher cipher;
    private final Clock clock;
    private final Duration backoff;

    /** {@code secrets}: the connection's secrets as it was started with; only the refresh token changes. */
    DurableCredentials(String connectionId, Secrets secrets, ConnectionCatalog records, CredentialCipher cipher,
                       Clock clock, Duration backoff) {
        this.connectionId = connectionId;
        this.secrets = secrets;
        this.records = records;
        this.cipher = cipher;
        this.clock = clock;
        this.backoff = backoff;
    }

    @Override
    public void rotated(String refreshToken) throws InterruptedException {
        ConnectionStoreException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Connection latest = records.get(connectionId).orElseThrow(() -> new CredentialNotDurableException(
                    "Connection " + connectionId + " was removed; its rotated refresh token is not stored", null));
            Secrets stored = sameCredential(latest);
            if (stored == null) {
                throw new CredentialNotDurableException("The credential of connection " + connectionId
                        + " was replaced elsewhere; it restarts from the newest record", null);
            }
            try {
                // The webhook verification token is the newest record's: written by this poller since it started.
                records.put(latest.withCredential(cipher.encrypt(connectionId, secrets.withRefreshToken(refreshToken)
                        .withWebhookVerificationToken(stored.webhookVerificationToken())), clock.instant()));
                return;
            } catch (ConnectionStoreException e) {
                failure = e;
                log.warn("Connection {}: storing its rotated refresh token failed (attempt {} of {}): {}", connectionId,
                        attempt, ATTEMPTS, e.getMessage());
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(backoff.multipliedBy(attempt).toMillis());
            }
        }
        throw new CredentialNotDurableException("The rotated refresh token of connection " + connectionId
                + " is not stored in rc.connections.v1 after " + ATTEMPTS + " attempts; it does not sweep until it is: "
                + failure.getMessage(), failure);
    }

    /**
     * The newest record's secrets when it still holds the credential this runs (only the refresh token, ours rotated,
     * and the webhook verification token may differ); null otherwise.
     */
    private Secrets sameCredential(Connection latest) {
        try {
            Secrets stored = cipher.decrypt(connectionId, latest.credential());
            return stored.withRefreshToken(null).withWebhookVerificationToken(null)
                    .equals(secrets.withRefreshToken(null).withWebhookVerificationToken(null)) ? stored : null;
        } catch (CredentialException e) {
            return null;
        }
    }
}
