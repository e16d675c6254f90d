package dev.rcidentity.onboarding;

import java.util.Optional;

/** Where the connection views get the pollers' status of a connection from (the poller status topic's reader). */
@FunctionalInterface
public interface ConnectionStatusSource {
    /** No poller reports here: every view shows null status fields. */
    ConnectionStatusSource NONE = connectionId -> Optional.empty();

    Optional<ConnectionStatus> status(String connectionId);
}
