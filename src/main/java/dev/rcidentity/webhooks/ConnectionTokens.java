package dev.rcidentity.webhooks;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialException;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.Ids;

import java.util.Optional;

/** The tokens kept (encrypted) with the connections of {@code rc.connections.v1}, decrypted when asked. */
public final class ConnectionTokens implements VerificationTokens {
    private final ConnectionCatalog connections;
    private final CredentialCipher cipher;

    public ConnectionTokens(ConnectionCatalog connections, CredentialCipher cipher) {
        this.connections = connections;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> of(String connectionId) {
        if (!Ids.isValid(connectionId)) {
            return Optional.empty();
        }
        Optional<Connection> connection = connections.get(connectionId)
                .filter(c -> Connection.ACTIVE.equals(c.status()));
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(cipher.decrypt(connectionId, connection.get().credential())
                    .webhookVerificationToken());
        } catch (CredentialException e) {
            return Optional.empty();
        }
    }
}
