package dev.rcidentity.onboarding;

import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.model.Connection;

import java.util.List;
import java.util.Optional;

/** The connections onboarding reads and writes: {@link ConnectionStore} in production. */
public interface ConnectionCatalog {
    Optional<Connection> get(String connectionId);

    Optional<Connection> byName(String name);

    /** Ordered by name. */
    List<Connection> all();

    /** Returns once the write is durable. @throws dev.rcidentity.connections.ConnectionStoreException otherwise */
    void put(Connection connection);

    /** A tombstone; same guarantee as {@link #put}. */
    void remove(String connectionId);

    static ConnectionCatalog of(ConnectionStore store) {
        return new ConnectionCatalog() {
            @Override
            public Optional<Connection> get(String connectionId) {
                return store.get(connectionId);
            }

            @Override
            public Optional<Connection> byName(String name) {
                return store.byName(name);
            }

            @Override
            public List<Connection> all() {
                return store.all();
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
