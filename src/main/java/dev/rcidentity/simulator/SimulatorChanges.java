package dev.rcidentity.simulator;

import java.time.Instant;
import java.util.List;

/** What one {@link RingCentralSimulator#tick()} changed, in the order it happened. */
public record SimulatorChanges(int round, Instant at, List<Change> changes) {

    public SimulatorChanges {
        changes = List.copyOf(changes);
    }

    public List<Change> of(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public enum Kind {
        /** A new extension with a never used id. */
        HIRED,
        /** The extension was deleted: it no longer appears in the list. */
        DEPARTED,
        /** A number freed by a departure now belongs to another extension ({@code relatedExtensionId} held it). */
        NUMBER_RECYCLED,
        /** An Unassigned seat became a person's extension: same id, now Enabled with a number and a contact. */
        ASSIGNED,
        /** A new Unassigned seat was provisioned. */
        SEAT_PROVISIONED,
        /** First/last name (and e-mail) changed. */
        RENAMED,
        /** Status changed ({@code detail} says from and to). */
        STATUS_CHANGED
    }

    /**
     * @param extensionNumber    the number involved (the new number for NUMBER_RECYCLED), null when none
     * @param relatedExtensionId for NUMBER_RECYCLED the departed extension that held the number before
     * @param detail             a short human-readable description; never a secret
     */
    public record Change(Kind kind, String accountId, String extensionId, String extensionNumber,
                         String relatedExtensionId, String detail) {
    }
}
