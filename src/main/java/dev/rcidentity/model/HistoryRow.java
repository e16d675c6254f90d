package dev.rcidentity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** One version of an extension in its type-2 history; {@code validTo} is null while the row is current. */
public record HistoryRow(
        String rowId,
        String extensionId,
        String accountId,
        long version,
        Instant validFrom,
        Instant validTo,
        boolean current,
        String change,
        String extensionNumber,
        String name,
        String type,
        String status,
        boolean admin) {

    public static final String CREATED = "CREATED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String NUMBER_CHANGED = "NUMBER_CHANGED";
    public static final String RENAMED = "RENAMED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    public static String rowId(String extensionId, long version) {
        return extensionId + ":" + version;
    }

    /** This row, no longer current from {@code at} on. */
    public HistoryRow closedAt(Instant at) {
        return new HistoryRow(rowId, extensionId, accountId, version, validFrom, at, false, change, extensionNumber,
                name, type, status, admin);
    }

    @JsonIgnore
    public boolean isDeletion() {
        return DELETED.equals(change);
    }
}
