package dev.rcidentity.query;

import java.util.Optional;

/** Reads on this instance's stores; empty when this instance cannot answer for that partition now. */
interface LocalReads {
    <T> Optional<LocalStores.Read<T>> read(StoreQuery<T> query, int partition, boolean activeOnly);

    /** The reads of one batch, on one thread: they may share what earlier reads of the batch found. */
    default LocalReads forBatch() {
        return this;
    }
}
