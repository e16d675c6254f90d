package dev.rcidentity.connections;

import dev.rcidentity.model.Connection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The newest record of every connection, as read from {@code rc.connections.v1} or just acknowledged by it. A
 * record older (lower offset in the same partition) than the one held is ignored, so a write applied as soon as
 * Kafka acknowledged it is never replaced by an earlier record the follower reads afterwards. Removed connections
 * keep their tombstone's position for the same reason.
 */
final class ConnectionView {
    /** One key's newest record: a connection, a tombstone (both null) or an unreadable record (reason set). */
    private record Entry(Connection connection, String unreadable, int partition, long offset) {
        boolean newerThan(Entry held) {
            return held == null || held.partition != partition || offset > held.offset;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<ConnectionStore.Listener> listeners = new CopyOnWriteArrayList<>();

    void addListener(ConnectionStore.Listener listener) {
        listeners.add(listener);
    }

    /** A connection, or a tombstone when {@code connection} is null. */
    void apply(String connectionId, Connection connection, int partition, long offset) {
        if (connection != null && !connection.connectionId().equals(connectionId)) {
            unreadable(connectionId, "the record's connectionId " + connection.connectionId() + " differs from its key",
                    partition, offset);
            return;
        }
        update(connectionId, new Entry(connection, null, partition, offset));
    }

    void unreadable(String connectionId, String reason, int partition, long offset) {
        update(connectionId, new Entry(null, reason, partition, offset));
    }

    private void update(String connectionId, Entry entry) {
        Entry[] before = new Entry[1];
        Entry after = entries.compute(connectionId, (id, held) -> {
            before[0] = held;
            return entry.newerThan(held) ? entry : held;
        });
        Connection previous = before[0] == null ? null : before[0].connection;
        if (after == entry && !Objects.equals(previous, entry.connection)) {
            listeners.forEach(listener -> listener.changed(connectionId, entry.connection));
        }
    }

    Optional<Connection> get(String connectionId) {
        Entry entry = entries.get(connectionId);
        return Optional.ofNullable(entry == null ? null : entry.connection);
    }

    /** Every connection, by name. */
    List<Connection> all() {
        List<Connection> all = new ArrayList<>();
        entries.values().forEach(entry -> {
            if (entry.connection != null) {
                all.add(entry.connection);
            }
        });
        all.sort(Comparator.comparing(Connection::name).thenComparing(Connection::connectionId));
        return all;
    }

    Optional<Connection> byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The connections whose newest record cannot be read, with the reason (never the record's content). */
    Map<String, String> unreadable() {
        Map<String, String> unreadable = new TreeMap<>();
        entries.forEach((id, entry) -> {
            if (entry.unreadable != null) {
                unreadable.put(id, entry.unreadable);
            }
        });
        return unreadable;
    }
}
