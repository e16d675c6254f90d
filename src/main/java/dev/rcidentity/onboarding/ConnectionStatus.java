package dev.rcidentity.onboarding;

import java.time.Instant;

/**
 * How the pollers are doing with one connection, as they report it: the instance that holds it, its last sweep and
 * when the next one is due. Any field may be null (not held yet, never swept).
 */
public record ConnectionStatus(String heldBy, Assignment assignment, LastSweep lastSweep, Instant nextSweepAt,
                               Subscription subscription) {
    /** In a poller group: the rc.connections.v1 partition holding the connection, assigned to the holder since. */
    public record Assignment(int partition, Instant since) {
    }

    /** The webhook subscription, when push is on. */
    public record Subscription(String id, String status, Instant expiresAt) {
    }

    /** The last sweep: when it ended, its outcome and its counts (null where the outcome has none). */
    public record LastSweep(Instant at, String outcome, Integer extensions, Integer changed, Integer deleted) {
    }

    public static final ConnectionStatus UNKNOWN = new ConnectionStatus(null, null, null, null, null);
}
