package dev.rcidentity.onboarding;

import dev.rcidentity.model.Connection;

import java.time.Instant;

/**
 * A connection as the API shows it: the record of {@code rc.connections.v1} without its credential, plus the
 * pollers' status. Nothing here is secret.
 */
public record ConnectionInfo(String connectionId, String name, String serverUrl, String clientId, String grantType,
                             String accountId, String ownerId, String status, String statusReason, Instant createdAt,
                             Instant updatedAt, String heldBy, ConnectionStatus.Assignment assignment,
                             ConnectionStatus.LastSweep lastSweep,
                             Instant nextSweepAt, ConnectionStatus.Subscription subscription) {

    public static ConnectionInfo of(Connection c, ConnectionStatus s) {
        return new ConnectionInfo(c.connectionId(), c.name(), c.serverUrl(), c.clientId(), c.grantType(),
                c.accountId(), c.ownerId(), c.status(), c.statusReason(), c.createdAt(), c.updatedAt(), s.heldBy(),
                s.assignment(),
                s.lastSweep(), s.nextSweepAt(), s.subscription());
    }
}
