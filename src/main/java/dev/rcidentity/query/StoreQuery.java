package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.util.Optional;

/**
 * A typed read of one store: where it is read locally, and the path another instance answers it at with the same
 * type in JSON (when this instance does not hold the data).
 */
interface StoreQuery<T> {
    String store();

    /** The path and query string of the same read on another instance. */
    String forwardPath();

    JavaType answerType();

    /** Reads one partition on this instance; empty when it cannot answer for that partition now. */
    Optional<LocalStores.Read<T>> readFrom(LocalStores stores, int partition, boolean activeOnly);

    default T decode(byte[] json) throws IOException {
        return Json.MAPPER.readValue(json, answerType());
    }

    static JavaType type(Class<?> type) {
        return Json.MAPPER.constructType(type);
    }

    /** A read of one key: its partition is the key's. */
    interface ByKey<T> extends StoreQuery<T> {
        String key();

        /** The write the answer must reflect (its forward path carries it too); null when any copy may answer. */
        default ConsistencyToken after() {
            return null;
        }
    }

    /** A read of one partition of the partition-wide stores (the account listings). */
    interface ByPartition<T> extends StoreQuery<T> {
        int partition();
    }
}
