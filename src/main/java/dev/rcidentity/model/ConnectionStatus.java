package dev.rcidentity.model;

import java.time.Instant;

/**
 * What the poller does with one connection, as the instance holding it last said (an internal topic, not part of
 * the contract): {@code heldBy} names that instance ({@code APPLICATION_SERVER} or an id), null once it let the
 * connection go; {@code lastSweep} is null before the first sweep; {@code nextSweepAt} is null while nobody sweeps it.
 */
public record ConnectionStatus(String connectionId, String heldBy, LastSweep lastSweep, Instant nextSweepAt,
                               Instant updatedAt, Subscription subscription, Assignment assignment) {
    private static final String RECORD = "ConnectionStatus";

    /**
     * One sweep: when it ended, its outcome ({@code COMPLETED}, {@code FAILED}, {@code STOPPED}), the extensions it
     * saw, and how many changed or deleted snapshots it published.
     */
    public record LastSweep(Instant at, String outcome, int extensions, int changed, int deleted) {
        public LastSweep {
            if (at == null || outcome == null || outcome.isBlank()) {
                throw new InvalidRecordException(RECORD + " lastSweep without at or outcome");
            }
        }
    }

    /** The connection's webhook subscription as RingCentral last described it (push on); null otherwise. */
    public record Subscription(String id, String status, Instant expiresAt) {
    }

    /**
     * Why the holder holds it, in a poller group: the {@code rc.connections.v1} partition holding the connection's
     * records, assigned to that instance {@code since} then. Null outside a group and once let go.
     */
    public record Assignment(int partition, Instant since) {
    }

    public ConnectionStatus(String connectionId, String heldBy, LastSweep lastSweep, Instant nextSweepAt,
                            Instant updatedAt) {
        this(connectionId, heldBy, lastSweep, nextSweepAt, updatedAt, null, null);
    }

    public ConnectionStatus(String connectionId, String heldBy, LastSweep lastSweep, Instant nextSweepAt,
                            Instant updatedAt, Subscription subscription) {
        this(connectionId, heldBy, lastSweep, nextSweepAt, updatedAt, subscription, null);
    }

    public ConnectionStatus {
        Ids.require(connectionId, RECORD, "connectionId");
        if (updatedAt == null) {
            throw new InvalidRecordException(RECORD + " without updatedAt");
        }
    }

    public boolean held() {
        return heldBy != null;
    }
}
