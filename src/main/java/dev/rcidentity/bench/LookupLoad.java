package dev.rcidentity.bench;

/** HTTP lookups through the query API: not measured until the API lands on this branch. */
final class LookupLoad {
    static final String SECTION = "5. Lookups";
    static final String WHY = "the HTTP API (dev.rcidentity.query) is not on this branch yet";

    private LookupLoad() {
    }
}
