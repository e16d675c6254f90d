package dev.rcidentity.poller;

import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;

import java.net.URI;

/**
 * What a held connection runs with: its record's server, app and grant, and its decrypted secrets. Two that differ
 * only in the refresh token run the same connection (the poller rotates that one itself); anything else changed
 * elsewhere (an import of a new credential) means a restart from the newest record.
 */
record HeldCredential(String name, String serverUrl, String clientId, String grantType, Secrets secrets) {

    static HeldCredential of(Connection record, Secrets secrets) {
        return new HeldCredential(record.name(), record.serverUrl(), record.clientId(), record.grantType(), secrets);
    }

    boolean runsLike(HeldCredential other) {
        return withoutRefreshToken().equals(other.withoutRefreshToken());
    }

    boolean durableRefreshToken() {
        return Connection.GRANT_REFRESH_TOKEN.equals(grantType);
    }

    /**
     * The settings the poller runs; a refresh-token connection presents its refresh token first, a JWT connection
     * signs in with the JWT.
     *
     * @throws dev.rcidentity.config.SettingsException or IllegalArgumentException when the record is incomplete
     */
    ConnectionSettings settings() {
        return new ConnectionSettings(name, URI.create(serverUrl), clientId, secrets.clientSecret(), secrets.jwt(),
                durableRefreshToken() ? secrets.refreshToken() : null);
    }

    /** The poller writes the refresh token and the webhook verification token itself: neither means a restart. */
    private HeldCredential withoutRefreshToken() {
        return new HeldCredential(name, serverUrl, clientId, grantType,
                secrets.withRefreshToken(null).withWebhookVerificationToken(null));
    }
}
