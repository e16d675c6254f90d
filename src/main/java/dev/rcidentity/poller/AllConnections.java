package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.model.Connection;

/** Every connection of the topic, as one poller instance alone holds them. */
final class AllConnections implements ConnectionAssignment {
    private final ConnectionStore store;
    private volatile boolean closed;

    AllConnections(ConnectionStore store) {
        this.store = store;
    }

    @Override
    public void start(Holder holder) {
        store.addListener((id, connection) -> {
            if (!closed) {
                holder.changed(id);
            }
        });
        store.all().stream().map(Connection::connectionId).forEach(holder::changed);
    }

    @Override
    public void close() {
        closed = true;
    }
}
