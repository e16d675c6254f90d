package dev.rcidentity.model;

public enum Resolution {
    /** The owner's extension is known and present. */
    RESOLVED,
    /** A login arrived but no snapshot of its extension yet. */
    UNRESOLVED,
    /** The extension vanished from a complete sweep; the identity keeps its last known attributes. */
    DELETED
}
