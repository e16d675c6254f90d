package dev.rcidentity.query;

/**
 * What the caller of a read allows: whether the request was already forwarded once (then it is answered here or not at
 * all), how stale a standby copy may be, and the bearer token to carry on when forwarding.
 */
record ReadContext(boolean forwarded, long maxLagMs, String authorization) {
    static final long DEFAULT_MAX_LAG_MS = 30_000;

    static ReadContext of(ApiRequest request) {
        return new ReadContext(request.header(Headers.FORWARDED_BY) != null,
                request.longParam("maxLagMs", DEFAULT_MAX_LAG_MS, 0, Long.MAX_VALUE), request.header(Headers.AUTHORIZATION));
    }
}
