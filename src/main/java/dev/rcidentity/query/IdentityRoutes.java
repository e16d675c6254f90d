package dev.rcidentity.query;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.IdentityState;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@code GET /v1/identities/{ownerId}}. */
final class IdentityRoutes {
    private final QueryService queries;
    private final StringSerializer keys = new StringSerializer();

    IdentityRoutes(QueryService queries) {
        this.queries = queries;
    }

    void register(Router router) {
        router.add("GET", "/v1/identities/{ownerId}", this::identity);
    }

    private ApiResponse identity(ApiRequest request) {
        String ownerId = request.id("ownerId");
        String store = StateStores.IDENTITIES.name();
        return queries.answerKey(request, store, ownerId, keys, request.path() + query(request),
                (partition, activeOnly) -> queries.stores.<String, IdentityState>get(store, ownerId, partition, activeOnly)
                        .map(read -> read.value() == null
                                ? ApiResponse.error(ApiException.notFound("no identity for owner " + ownerId))
                                : ApiResponse.json(200, read.value().identity())));
    }

    static String query(ApiRequest request) {
        return request.rawQuery() == null ? "" : "?" + request.rawQuery();
    }
}
