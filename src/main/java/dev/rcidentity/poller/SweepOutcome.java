package dev.rcidentity.poller;

import java.time.Duration;

/**
 * What one sweep of one connection did. {@code failure} says why a FAILED or STOPPED sweep ended (no secrets).
 * Counts are of records Kafka acknowledged.
 */
public record SweepOutcome(String connection, Status status, String accountId, int pages, int extensionsSeen,
                           int extensionsPublished, int deletionsPublished, boolean accountPublished,
                           int loginsPublished, Duration took, String failure) {

    public enum Status {
        /** The whole extension list was read and every change acknowledged by Kafka. */
        COMPLETED,
        /** Something went wrong; no deletion was concluded. The next sweep tries again. */
        FAILED,
        /** RingCentral rejected the connection's credentials; it sweeps no more. */
        STOPPED
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
