package dev.rcidentity.query;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Reads that honour a consistency token ({@code ?after=}): the owner's store must have processed the write the token
 * names. Kafka Streams answers such a read at once or says the store is not there yet, so this retries until the
 * caller's {@code wait} runs out (at most {@link #MAX_WAIT}), pausing between tries (2 ms, doubling up to 50 ms). A read
 * forwarded to the owner carries the token and the time left, so the owner does the waiting. A waiting read holds a
 * request thread: at most {@code maxWaiting} wait at once, the others are tried once.
 */
final class ConsistentReads {
    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    /** How long a read with {@code ?after=} and no {@code ?wait=} waits. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final QueryService queries;
    private final ConsistencyTokens tokens;
    private final Semaphore waiting;

    ConsistentReads(QueryService queries, ConsistencyTokens tokens, int maxWaiting) {
        this.queries = queries;
        this.tokens = tokens;
        this.waiting = new Semaphore(maxWaiting);
    }

    /** The token of {@code ?after=}, null when there is none; 400 when it is not one this application issued. */
    ConsistencyToken after(ApiRequest request) {
        String text = request.param("after");
        return text == null ? null : tokens.read(text, queries.partitions());
    }

    /** A read; when the query carries a token, one that waits up to {@code ?wait=} for the store to reach it. */
    <T> Served<T> serve(StoreQuery.ByKey<T> query, ApiRequest request) throws InterruptedException {
        ReadContext context = ReadContext.of(request);
        if (query.after() == null) {
            return queries.serve(query, context);
        }
        return serve(query, context, waitParam(request, DEFAULT_WAIT));
    }

    /** Tries the read until it answers or {@code wait} passes; 503 with Retry-After then. */
    <T> Served<T> serve(StoreQuery.ByKey<T> query, ReadContext context, Duration wait) throws InterruptedException {
        return retry(wait, deadline -> queries.serve(query, context.until(deadline)));
    }

    /** {@code ?wait=}: an ISO-8601 duration up to {@link #MAX_WAIT}; 400 otherwise. */
    static Duration waitParam(ApiRequest request, Duration defaultValue) {
        String raw = request.param("wait");
        if (raw == null) {
            return defaultValue;
        }
        Duration wait;
        try {
            wait = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("wait must be an ISO-8601 duration such as PT2S");
        }
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw ApiError.badRequest("wait must be between PT0S and " + MAX_WAIT);
        }
        return wait;
    }

    private <T> T retry(Duration wait, LongFunction<T> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        if (!waiting.tryAcquire()) {
            return attempt.apply(System.nanoTime());
        }
        try {
            long pause = FIRST_PAUSE_NANOS;
            while (true) {
                try {
                    return attempt.apply(deadline);
                } catch (ApiError e) {
                    long left = deadline - System.nanoTime();
                    if (e.status() != 503 || left <= 0) {
                        throw e;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                    pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
                }
            }
        } finally {
            waiting.release();
        }
    }
}
