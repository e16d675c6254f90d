package dev.rcidentity.model;

/**
 * What the per-account listing keeps of an extension's latest snapshot: its id and what a listing filters and counts
 * on. The listing reads the snapshots of the page it returns from the snapshot store. The field names are
 * {@link ExtensionSnapshot}'s, so a full snapshot stored by an earlier version reads as one.
 */
public record ListedExtension(String extensionId, String status, String type, boolean deleted) {

    public static ListedExtension of(ExtensionSnapshot snapshot) {
        return new ListedExtension(snapshot.extensionId(), snapshot.status(), snapshot.type(), snapshot.deleted());
    }
}
