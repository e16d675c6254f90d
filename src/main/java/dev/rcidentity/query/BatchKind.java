package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * A keyed read that can be asked for in bulk, and how its items travel to the instance that owns them: the internal
 * route that answers a batch of them from its own stores, and each item's JSON there and back.
 */
interface BatchKind<Q extends StoreQuery.ByKey<T>, T> {
    /** The internal route ({@code POST}) where the owning instance answers a batch of these from its stores. */
    String path();

    /** Writes the item that stands for {@code query} in a batch sent to another instance ({@link #parse} reads it back). */
    void write(JsonGenerator out, Q query) throws IOException;

    /** The query an item asks for; {@link ApiError} 400 naming the field when the item is malformed. */
    Q parse(JsonNode item);

    JavaType answerType();

    String notFound(Q query);
}
