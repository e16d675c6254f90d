package dev.rcidentity.query;

import java.time.Duration;

/**
 * The limits and deadlines of the API's HTTP server.
 *
 * @param headerTimeout        a request's line and headers must arrive within this (a first request: from the accept)
 * @param idleTimeout          a connection on which nothing moves is closed after this
 * @param requestTimeout       a request not answered within this gets 503 with Retry-After
 * @param stopTimeout          on stop, in-flight requests get this long to finish
 * @param maxConnections       connections served at once; one beyond is answered 503 with Retry-After and closed
 * @param maxRequestHeaderBytes request line plus headers; larger ones get 431
 * @param maxBodyBytes         request bodies; larger ones get 413
 * @param maxDiscardBytes      after a 413, up to this much of the body is read and dropped before the connection is
 *                             closed, so that a client still sending reads the answer instead of a reset
 * @param maxThreads           the request threads
 */
public record HttpServerOptions(
        Duration headerTimeout,
        Duration idleTimeout,
        Duration requestTimeout,
        Duration stopTimeout,
        int maxConnections,
        int maxRequestHeaderBytes,
        int maxBodyBytes,
        long maxDiscardBytes,
        int maxThreads) {

    public HttpServerOptions {
        if (maxConnections < 1 || maxRequestHeaderBytes < 1024 || maxBodyBytes < 1 || maxDiscardBytes < 0 || maxThreads < 4) {
            throw new IllegalArgumentException("HTTP server limits out of range: " + maxConnections + " connections, "
                    + maxRequestHeaderBytes + " header bytes, " + maxBodyBytes + " body bytes, " + maxThreads + " threads");
        }
    }

    /** Production defaults. */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                Duration.ofSeconds(10), 4_096, 8 * 1024, 64 * 1024, 8L * 1024 * 1024, 200);
    }

    public HttpServerOptions withHeaderTimeout(Duration timeout) {
        return new HttpServerOptions(timeout, idleTimeout, requestTimeout, stopTimeout, maxConnections,
                maxRequestHeaderBytes, maxBodyBytes, maxDiscardBytes, maxThreads);
    }

    public HttpServerOptions withMaxConnections(int max) {
        return new HttpServerOptions(headerTimeout, idleTimeout, requestTimeout, stopTimeout, max,
                maxRequestHeaderBytes, maxBodyBytes, maxDiscardBytes, maxThreads);
    }
}
