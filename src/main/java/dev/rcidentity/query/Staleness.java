package dev.rcidentity.query;

/** How stale this instance's copy of a store partition may be. */
interface Staleness {
    /** Milliseconds since the copy was last caught up with its changelog; {@link Long#MAX_VALUE} when never seen. */
    long stalenessMs(String store, int partition);
}
