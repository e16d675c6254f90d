package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStoreException;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialException;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook verification tokens of the connections, kept inside their encrypted secrets in
 * {@code rc.connections.v1}: written (acks=all) before the subscription that uses one is created, so that every
 * receiving instance knows it when the first delivery comes. The write never crosses a token exchange of the
 * connection, and keeps everything else of the newest record.
 */
final class WebhookTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 3;

    private final ConnectionCatalog records;
    private final CredentialCipher cipher;
    private final Clock clock;

    WebhookTokens(ConnectionCatalog records, CredentialCipher cipher, Clock clock) {
        this.records = records;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token the connection's newest record holds; empty when none or unreadable. */
    Optional<String> current(String connectionId) {
        return records.get(connectionId).flatMap(record -> {
            try {
                return Optional.ofNullable(cipher.decrypt(connectionId, record.credential()).webhookVerificationToken());
            } catch (CredentialException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Stores {@code token} in the connection's record; returns once Kafka acknowledged it.
     *
     * @throws ConnectionStoreException when it is not stored (the connection is gone, unreadable, or Kafka failed)
     */
    void store(String connectionId, String token, TokenManager exchanges) throws InterruptedException {
        ConnectionStoreException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                exchanges.exclusive(() -> {
                    write(connectionId, token);
                    return null;
                });
                return;
            } catch (ConnectionStoreException e) {
                failure = e;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new ConnectionStoreException("Connection " + connectionId + ": " + e.getMessage(), e);
            }
        }
        throw failure;
    }

    private void write(String connectionId, String token) {
        Connection latest = records.get(connectionId).orElseThrow(() -> new ConnectionStoreException(
                "Connection " + connectionId + " was removed", null));
        Secrets secrets;
        try {
            secrets = cipher.decrypt(connectionId, latest.credential());
        } catch (CredentialException e) {
            throw new ConnectionStoreException("Connection " + connectionId + ": its record does not open", e);
        }
        if (Objects.equals(secrets.webhookVerificationToken(), token)) {
            return;
        }
        records.put(latest.withCredential(cipher.encrypt(connectionId, secrets.withWebhookVerificationToken(token)),
                clock.instant()));
    }
}
