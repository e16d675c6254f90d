package dev.rcidentity.query;

/** Which instances hold a key or a partition; 503 ({@link ApiError#unavailable}) while nobody is known to. */
interface Placements {
    Placement ofKey(String store, String key);

    Placement ofPartition(int partition);
}
