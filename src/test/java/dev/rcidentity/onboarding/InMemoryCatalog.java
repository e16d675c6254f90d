package dev.rcidentity.onboarding;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.model.Connection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog for unit tests: the connections in a map (the Kafka-backed store has its own IT). */
final class InMemoryCatalog implements ConnectionCatalog {
    final Map<String, Connection> connections = new ConcurrentHashMap<>();
    int puts;

    @Override
    public Optional<Connection> get(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    @Override
    public Optional<Connection> byName(String name) {
        return connections.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @Override
    public List<Connection> all() {
        return connections.values().stream().sorted(Comparator.comparing(Connection::name)).toList();
    }

    @Override
    public synchronized void put(Connection connection) {
        puts++;
        connections.put(connection.connectionId(), connection);
    }

    @Override
    public void remove(String connectionId) {
        connections.remove(connectionId);
    }
}
