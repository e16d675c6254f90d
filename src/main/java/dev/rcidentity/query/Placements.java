package dev.rcidentity.query;

import java.util.function.Function;

/** Which instances hold a key or a partition; 503 ({@link ApiError#unavailable}) while nobody is known to. */
interface Placements {
    Placement ofKey(String store, String key);

    Placement ofPartition(int partition);

    /**
     * The placements of many keys of {@code store} for one batch, on one thread: as {@link #ofKey} answers them, but
     * may be worked out once per partition instead of once per key.
     */
    default Function<String, Placement> ofKeys(String store) {
        return key -> ofKey(store, key);
    }
}
