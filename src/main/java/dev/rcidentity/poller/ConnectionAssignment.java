package dev.rcidentity.poller;

import dev.rcidentity.model.ConnectionStatus;

/**
 * Which connections of {@code rc.connections.v1} this poller instance holds. Today every one ({@link
 * AllConnections}); with several instances, the connections of the partitions a consumer group assigns to this one,
 * dropped before the partitions are handed over.
 */
interface ConnectionAssignment extends AutoCloseable {
    /** Told what to hold; called from the assignment's own threads. */
    interface Holder {
        /** The connection's newest record changed, appeared or was removed: look at it again. */
        void changed(String connectionId);

        /** Not this instance's to hold any more (another one will): stop it before returning, revoke nothing. */
        void dropped(String connectionId);
    }

    /** Says {@code changed} for every connection held now, then follows until closed. */
    void start(Holder holder);

    /** Why this instance holds the connection (its partition and since when); null when it holds every one. */
    default ConnectionStatus.Assignment assignmentOf(String connectionId) {
        return null;
    }

    /** True once what this instance holds is known (the first assignment read). */
    default boolean loaded() {
        return true;
    }

    @Override
    void close();
}
