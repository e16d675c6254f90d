package dev.rcidentity.query;

/** {@code GET /v1/owners/{ownerId}}: who is behind an owner id, whether it logged in or not. */
final class OwnerRoutes {
    private final ConsistentReads reads;

    OwnerRoutes(ConsistentReads reads) {
        this.reads = reads;
    }

    void register(Router router) {
        router.add("GET", "/v1/owners/{ownerId}", this::owner);
    }

    private ApiResponse owner(ApiRequest request) throws InterruptedException {
        OwnerQuery query = new OwnerQuery(request.id("ownerId"), reads.after(request));
        return reads.serve(query, request).render(query.notFound());
    }
}
