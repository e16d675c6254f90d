package dev.rcidentity.query;

/** {@code GET /v1/identities/{ownerId}}. */
final class IdentityRoutes {
    private final QueryService queries;

    IdentityRoutes(QueryService queries) {
        this.queries = queries;
    }

    void register(Router router) {
        router.add("GET", "/v1/identities/{ownerId}", this::identity);
    }

    private ApiResponse identity(ApiRequest request) {
        String ownerId = request.id("ownerId");
        return queries.serve(new IdentityQuery(ownerId), ReadContext.of(request)).render("no identity for owner " + ownerId);
    }
}
