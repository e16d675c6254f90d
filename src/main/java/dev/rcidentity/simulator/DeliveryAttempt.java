package dev.rcidentity.simulator;

import java.time.Instant;
import java.util.List;

/**
 * What became of one webhook notification (a duplicated one is attempted, and listed, twice).
 *
 * @param at           simulator time of the outcome
 * @param extensionIds the extensions the notification names
 * @param status       the receiver's HTTP status, 0 when there was none (dropped, timeout, connection refused)
 * @param detail       why it failed, or null; never a secret
 */
public record DeliveryAttempt(Instant at, String subscriptionId, String uuid, List<String> extensionIds,
                              Outcome outcome, int status, String detail) {

    public DeliveryAttempt {
        extensionIds = List.copyOf(extensionIds);
    }

    public enum Outcome {
        /** The receiver answered 2xx in time. */
        DELIVERED,
        /** Non-2xx, timeout or connection error: counts towards blacklisting. */
        FAILED,
        /** Dropped by {@link DeliveryFaults#drop}, or by a full queue of a subscription that does not keep up. */
        DROPPED,
        /** Not sent: the subscription was deleted, expired or blacklisted before the notification's turn. */
        SKIPPED
    }
}
