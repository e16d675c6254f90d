package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.model.Connection;

import java.util.Optional;

/** The records of {@code rc.connections.v1} as the poller reads and writes them: {@link ConnectionStore}, or a fake. */
interface ConnectionRecords {
    /** The newest record; empty when removed, unknown or unreadable. */
    Optional<Connection> latest(String connectionId);

    /** True when the newest record of the connection cannot be read (it is not a removal). */
    boolean unreadable(String connectionId);

    /** Writes and waits for Kafka's acknowledgement; throws {@code ConnectionStoreException} when there is none. */
    void put(Connection connection);

    /** Writes a tombstone, acknowledged as {@link #put}. */
    void remove(String connectionId);

    static ConnectionRecords of(ConnectionStore store) {
        return new ConnectionRecords() {
            @Override
            public Optional<Connection> latest(String connectionId) {
                return store.get(connectionId);
            }

            @Override
            public boolean unreadable(String connectionId) {
                return store.unreadable().containsKey(connectionId);
            }

            @Override
            public void put(Connection connection) {
                store.put(connection);
            }

            @Override
            public void remove(String connectionId) {
                store.remove(connectionId);
            }
        };
    }
}
