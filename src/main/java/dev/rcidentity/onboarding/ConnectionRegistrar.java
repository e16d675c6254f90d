package dev.rcidentity.onboarding;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStoreException;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import static dev.rcidentity.onboarding.OnboardingException.Kind.NAME_TAKEN;
import static dev.rcidentity.onboarding.OnboardingException.Kind.STORE_UNAVAILABLE;

/**
 * Writes a new connection once its credential passed a token exchange: a fresh connectionId, the secrets encrypted
 * with it as associated data, status ACTIVE. Names are unique: checked before the exchange (cheap refusal) and again,
 * under this instance's lock, right before the write. Two instances creating the same name at the same moment can
 * both succeed; the admin sees both in the list and removes one.
 */
final class ConnectionRegistrar {
    private final ConnectionCatalog catalog;
    private final CredentialCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConnectionRegistrar(ConnectionCatalog catalog, CredentialCipher cipher, Clock clock) {
        this.catalog = catalog;
        this.cipher = cipher;
        this.clock = clock;
    }

    void requireFreeName(String name) {
        catalog.byName(name).ifPresent(taken -> {
            throw new OnboardingException(NAME_TAKEN, "A connection named '" + name + "' exists already (connectionId "
                    + taken.connectionId() + "): choose another name, or remove that one first");
        });
    }

    synchronized Connection register(String name, URI serverUrl, String clientId, String grantType, String ownerId,
                                     Secrets secrets) {
        requireFreeName(name);
        String connectionId = Connection.newId(random);
        Instant now = clock.instant();
        Connection connection = new Connection(connectionId, name, serverUrl.toString(), clientId, grantType, null,
                ownerId, Connection.ACTIVE, null, now, now, cipher.encrypt(connectionId, secrets));
        try {
            catalog.put(connection);
        } catch (ConnectionStoreException e) {
            String lost = Connection.GRANT_REFRESH_TOKEN.equals(grantType)
                    ? " The refresh token was already rotated by the check, so connect again with a new one." : "";
            throw new OnboardingException(STORE_UNAVAILABLE, "Connection '" + name + "' could not be stored: "
                    + e.getMessage() + "." + lost);
        }
        return connection;
    }
}
