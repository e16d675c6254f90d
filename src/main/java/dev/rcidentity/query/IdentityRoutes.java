package dev.rcidentity.query;

/** {@code GET /v1/identities/{ownerId}[?after=token]}. */
final class IdentityRoutes {
    private final ConsistentReads reads;

    IdentityRoutes(ConsistentReads reads) {
        this.reads = reads;
    }

    void register(Router router) {
        router.add("GET", "/v1/identities/{ownerId}", this::identity);
    }

    private ApiResponse identity(ApiRequest request) throws InterruptedException {
        String ownerId = request.id("ownerId");
        return reads.serve(new IdentityQuery(ownerId, reads.after(request)), request).render("no identity for owner " + ownerId);
    }
}
