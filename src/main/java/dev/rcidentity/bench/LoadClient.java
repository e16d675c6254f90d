package dev.rcidentity.bench;

import java.util.List;

/** Sends GETs (or POSTs) over keep-alive connections at a fixed concurrency, and reports the rate and latencies. */
interface LoadClient {
    /** What measured, as the results table names it. */
    String name();

    /**
     * Cycles over {@code paths} on {@code 127.0.0.1:port}. An answer that is not 200 (or, where the client can tell,
     * not served the {@code expectedFrom} way) counts as unexpected.
     */
    Load run(int port, List<String> paths, String expectedFrom) throws Exception;

    /** POSTs each of {@code bodies} (JSON) to {@code path} in turn; an answer that is not 2xx counts as unexpected. */
    Load post(int port, String path, List<String> bodies) throws Exception;

    /**
     * @param serverCpuMicros CPU of the bench's JVM a request while the load ran: both instances, the broker (idle
     *                        then) and an in-JVM client
     * @param clientCpuMicros CPU of an external client a request (wrk's user + system time); NaN for an in-JVM client
     *                        (counted in {@code serverCpuMicros})
     */
    record Load(double requestsPerSecond, double p50Ms, double p99Ms, long unexpected, double serverCpuMicros,
                double clientCpuMicros) {
    }
}
