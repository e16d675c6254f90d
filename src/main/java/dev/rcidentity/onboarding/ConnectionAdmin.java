package dev.rcidentity.onboarding;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStoreException;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

import static dev.rcidentity.onboarding.OnboardingException.Kind.RINGCENTRAL_UNAVAILABLE;
import static dev.rcidentity.onboarding.OnboardingException.Kind.STORE_UNAVAILABLE;

/**
 * Connection management behind {@code /v1/connections}: create one from a credential after checking it with one token
 * exchange, list, show and remove. Removing writes a tombstone; the pollers stop sweeping the connection and revoke
 * its token.
 */
public final class ConnectionAdmin {
    private static final Logger log = LoggerFactory.getLogger(ConnectionAdmin.class);

    private final ConnectionCatalog catalog;
    private final ConnectionRegistrar registrar;
    private final TokenClient tokens;
    private final ConnectionStatusSource statuses;

    ConnectionAdmin(ConnectionCatalog catalog, ConnectionRegistrar registrar, TokenClient tokens,
                    ConnectionStatusSource statuses) {
        this.catalog = catalog;
        this.registrar = registrar;
        this.tokens = tokens;
        this.statuses = statuses;
    }

    /**
     * Checks the credential with one token exchange and stores the connection. A refresh token is rotated by that
     * exchange: the one stored is its successor, the one given stops working.
     *
     * @throws OnboardingException NAME_TAKEN, REFUSED (with RingCentral's error code), RINGCENTRAL_UNAVAILABLE or
     *                             STORE_UNAVAILABLE; nothing is stored then
     */
    public ConnectionInfo create(NewConnection request) {
        registrar.requireFreeName(request.name());
        Secrets secrets;
        TokenAnswer answer;
        if (request.jwt() != null) {
            answer = tokens.jwt(request.serverUrl(), request.clientId(), request.clientSecret(), request.jwt());
            secrets = Secrets.forJwt(request.clientSecret(), request.jwt());
        } else {
            answer = tokens.refresh(request.serverUrl(), request.clientId(), request.clientSecret(), request.refreshToken());
            if (answer.refreshToken() == null) {
                throw new OnboardingException(RINGCENTRAL_UNAVAILABLE, "RingCentral accepted the refresh token but "
                        + "returned no new one: nothing was stored; connect again with a new refresh token");
            }
            secrets = Secrets.forRefreshToken(request.clientSecret(), answer.refreshToken());
        }
        Connection connection = registrar.register(request.name(), request.serverUrl(), request.clientId(),
                request.grantType(), answer.ownerId(), secrets);
        log.info("Connection '{}' ({}) created for owner {} with the {} grant", connection.name(),
                connection.connectionId(), connection.ownerId(), connection.grantType());
        return info(connection);
    }

    /** Every connection, by name. */
    public List<ConnectionInfo> list() {
        return catalog.all().stream().map(this::info).toList();
    }

    public Optional<ConnectionInfo> find(String connectionId) {
        return catalog.get(connectionId).map(this::info);
    }

    /**
     * Writes the tombstone; answers the connection as it was, or empty when there is none.
     *
     * @throws OnboardingException STORE_UNAVAILABLE when Kafka did not acknowledge the tombstone
     */
    public Optional<ConnectionInfo> remove(String connectionId) {
        Optional<ConnectionInfo> removed = find(connectionId);
        if (removed.isPresent()) {
            try {
                catalog.remove(connectionId);
            } catch (ConnectionStoreException e) {
                throw new OnboardingException(STORE_UNAVAILABLE, e.getMessage());
            }
            log.info("Connection '{}' ({}) removed", removed.get().name(), connectionId);
        }
        return removed;
    }

    private ConnectionInfo info(Connection connection) {
        return ConnectionInfo.of(connection,
                statuses.status(connection.connectionId()).orElse(ConnectionStatus.UNKNOWN));
    }
}
