package dev.rcidentity.model;

import java.time.Instant;

/** The output table row: who is behind {@code ownerId}. */
public record Identity(
        String ownerId,
        String extensionId,
        String accountId,
        Resolution resolution,
        boolean accountRoot,
        String extensionNumber,
        String name,
        String type,
        String status,
        Boolean admin,
        AccountSummary account,
        Instant firstLoginAt,
        Instant lastLoginAt,
        long loginCount,
        String extensionNumberAtLogin,
        Instant updatedAt) {
}
