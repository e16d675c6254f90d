package dev.rcidentity.query;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What the caller of a read allows: whether the request was already forwarded once (then it is answered here or not at
 * all), how stale a standby copy may be, the bearer token to carry on when forwarding, and until when (System.nanoTime)
 * a read with a consistency token may wait for the store to reach it (null: no waiting).
 */
record ReadContext(boolean forwarded, long maxLagMs, String authorization, Long waitUntilNanos) {
    static final long DEFAULT_MAX_LAG_MS = 30_000;
    /**
     * The longest wait handed to another instance in one request, well within the forwarding timeout; the caller asks
     * again while its own wait lasts.
     */
    static final Duration FORWARDED_WAIT = Duration.ofSeconds(1);

    ReadContext(boolean forwarded, long maxLagMs, String authorization) {
        this(forwarded, maxLagMs, authorization, null);
    }

    static ReadContext of(ApiRequest request) {
        return new ReadContext(request.header(Headers.FORWARDED_BY) != null,
                request.longParam("maxLagMs", DEFAULT_MAX_LAG_MS, 0, Long.MAX_VALUE), request.header(Headers.AUTHORIZATION));
    }

    ReadContext until(long deadlineNanos) {
        return new ReadContext(forwarded, maxLagMs, authorization, deadlineNanos);
    }

    /** The {@code wait} to send with a forwarded read: the time left, at most {@link #FORWARDED_WAIT}. */
    Optional<Duration> forwardedWait() {
        if (waitUntilNanos == null) {
            return Optional.empty();
        }
        long left = Math.max(0, Math.min(waitUntilNanos - System.nanoTime(), FORWARDED_WAIT.toNanos()));
        return Optional.of(Duration.ofNanos(left).truncatedTo(ChronoUnit.MILLIS));
    }

    /** The query-string parameters that carry this context to another instance. */
    String forwardParams() {
        return "maxLagMs=" + maxLagMs + forwardedWait().map(wait -> "&wait=" + wait).orElse("");
    }
}
