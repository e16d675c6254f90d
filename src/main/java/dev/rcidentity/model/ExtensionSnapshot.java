package dev.rcidentity.model;

import java.time.Instant;

/**
 * One extension as a sweep saw it. {@code type} and {@code status} are open enums in RingCentral, so they stay
 * strings and unknown values pass through. {@code deleted} marks an extension that vanished from a complete sweep.
 */
public record ExtensionSnapshot(
        String accountId,
        String extensionId,
        String extensionNumber,
        String name,
        String type,
        String subType,
        String status,
        boolean admin,
        boolean hidden,
        Contact contact,
        String siteId,
        Instant creationTime,
        boolean deleted,
        Instant observedAt) {

    public ExtensionSnapshot {
        Ids.require(accountId, "ExtensionSnapshot", "accountId");
        Ids.require(extensionId, "ExtensionSnapshot", "extensionId");
        if (extensionNumber != null && extensionNumber.isEmpty()) {
            extensionNumber = null;
        }
    }

    public ExtensionSnapshot asDeleted(Instant at) {
        return new ExtensionSnapshot(accountId, extensionId, extensionNumber, name, type, subType, status, admin,
                hidden, contact, siteId, creationTime, true, at);
    }

    public ExtensionSnapshot observedAt(Instant at) {
        return new ExtensionSnapshot(accountId, extensionId, extensionNumber, name, type, subType, status, admin,
                hidden, contact, siteId, creationTime, deleted, at);
    }
}
