package dev.rcidentity.model;

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
}
