package dev.rcidentity.query;

/** Every HTTP header name the API reads or writes. */
public final class Headers {
    /** Says which instance answered, as its APPLICATION_SERVER. */
    public static final String SERVED_BY = "X-Served-By";
    /** Says how: {@code local}, {@code forwarded} or {@code standby}. */
    public static final String SERVED_FROM = "X-Served-From";
    /** Standby reads: milliseconds since that copy was last caught up with its changelog. */
    public static final String STALE_MS = "X-Stale-Ms";
    /** Set on requests forwarded between instances: answer from this instance's stores, never forward again. */
    public static final String FORWARDED_BY = "X-Forwarded-By";
    /** On login writes: where the write landed, for reads that must reflect it ({@code ?after=}). */
    public static final String CONSISTENCY_TOKEN = "X-Consistency-Token";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CONTENT_TYPE = "Content-Type";

    private Headers() {
    }
}
