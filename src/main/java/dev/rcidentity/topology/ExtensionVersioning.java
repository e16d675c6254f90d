package dev.rcidentity.topology;

import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a snapshot starts a new version of its extension, and names the change. Tracked attributes:
 * extensionNumber, name, type, status, admin and deleted; other fields (contact, site, ...) make no new version.
 * <p>
 * History is append-only in observedAt order: a snapshot observed at or before the current version's validFrom
 * (a replay, or a late arrival) makes no new version, so rows already published never change their rowId.
 */
final class ExtensionVersioning {
    static final String UNASSIGNED = "Unassigned";

    private ExtensionVersioning() {
    }

    static Optional<HistoryChange> next(HistoryRow current, ExtensionSnapshot snapshot) {
        if (current == null) {
            return Optional.of(new HistoryChange(null, row(snapshot, 1, HistoryRow.CREATED)));
        }
        if (!snapshot.observedAt().isAfter(current.validFrom())) {
            return Optional.empty();
        }
        boolean numberChanged = !Objects.equals(current.extensionNumber(), snapshot.extensionNumber());
        boolean nameChanged = !Objects.equals(current.name(), snapshot.name());
        boolean typeChanged = !Objects.equals(current.type(), snapshot.type());
        boolean statusChanged = !Objects.equals(current.status(), snapshot.status());
        boolean adminChanged = current.admin() != snapshot.admin();
        boolean deletedChanged = current.isDeletion() != snapshot.deleted();
        int changes = count(numberChanged, nameChanged, typeChanged, statusChanged, adminChanged, deletedChanged);
        if (changes == 0) {
            return Optional.empty();
        }
        String change;
        if (snapshot.deleted() && deletedChanged) {
            change = HistoryRow.DELETED;
        } else if (UNASSIGNED.equals(current.status()) && !UNASSIGNED.equals(snapshot.status()) && !current.isDeletion()) {
            change = HistoryRow.ASSIGNED;
        } else if (changes > 1) {
            change = HistoryRow.UPDATED;
        } else if (numberChanged) {
            change = HistoryRow.NUMBER_CHANGED;
        } else if (nameChanged) {
            change = HistoryRow.RENAMED;
        } else if (statusChanged) {
            change = HistoryRow.STATUS_CHANGED;
        } else {
            change = HistoryRow.UPDATED;
        }
        return Optional.of(new HistoryChange(current.closedAt(snapshot.observedAt()),
                row(snapshot, current.version() + 1, change)));
    }

    private static HistoryRow row(ExtensionSnapshot s, long version, String change) {
        return new HistoryRow(HistoryRow.rowId(s.extensionId(), version), s.extensionId(), s.accountId(), version,
                s.observedAt(), null, true, change, s.extensionNumber(), s.name(), s.type(), s.status(), s.admin());
    }

    private static int count(boolean... flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }
}
