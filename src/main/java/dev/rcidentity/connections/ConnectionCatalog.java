package dev.rcidentity.connections;

import dev.rcidentity.model.Connection;

import java.util.List;
import java.util.Optional;

/**
 * The connections of {@code rc.connections.v1} as their users read and write them: {@link ConnectionStore} in
 * production, an in-memory fake in unit tests.
 */
public interface ConnectionCatalog {
    Optional<Connection> get(String connectionId);

    Optional<Connection> byName(String name);

    /** Ordered by name. */
    List<Connection> all();

    /** True when the newest record of the connection cannot be read (which is not a removal). */
    default boolean unreadable(String connectionId) {
        return false;
    }

    /** Returns once the write is durable. @throws ConnectionStoreException otherwise */
    void put(Connection connection);

    /** A tombstone; same guarantee as {@link #put}. */
    void remove(String connectionId);
}
