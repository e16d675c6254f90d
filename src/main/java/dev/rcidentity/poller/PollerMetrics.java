package dev.rcidentity.poller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the poller counts, thread-safe, read by the HTTP API's metrics endpoint. Reads return copies.
 * A request that got no response is counted with status {@link RingCentralApiException#NO_RESPONSE}.
 */
public final class PollerMetrics {
    public enum Published { ACCOUNTS, EXTENSIONS, DELETIONS, LOGINS }

    public record RequestKey(ApiGroup group, int status) {
    }

    private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<ApiGroup, LongAdder> rateLimited = new ConcurrentHashMap<>();
    private final Map<Published, LongAdder> published = new ConcurrentHashMap<>();
    private final LongAdder sweepsCompleted = new LongAdder();
    private final LongAdder sweepsFailed = new LongAdder();
    private final Map<String, Duration> lastSweepDuration = new ConcurrentHashMap<>();
    private final LongAdder sweepNanos = new LongAdder();

    void request(ApiGroup group, int status) {
        requests.computeIfAbsent(new RequestKey(group, status), k -> new LongAdder()).increment();
    }

    void rateLimited(ApiGroup group) {
        rateLimited.computeIfAbsent(group, k -> new LongAdder()).increment();
    }

    void published(Published kind, int count) {
        published.computeIfAbsent(kind, k -> new LongAdder()).add(count);
    }

    void sweepEnded(String connection, boolean completed, Duration took) {
        (completed ? sweepsCompleted : sweepsFailed).increment();
        lastSweepDuration.put(connection, took);
        sweepNanos.add(took.toNanos());
    }

    public Map<RequestKey, Long> requests() {
        return copy(requests);
    }

    public Map<ApiGroup, Long> rateLimited() {
        return copy(rateLimited);
    }

    public Map<Published, Long> published() {
        return copy(published);
    }

    public long published(Published kind) {
        LongAdder adder = published.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    public long sweepsCompleted() {
        return sweepsCompleted.sum();
    }

    public long sweepsFailed() {
        return sweepsFailed.sum();
    }

    /** How long every sweep (completed or failed) took, in total. */
    public Duration sweepTime() {
        return Duration.ofNanos(sweepNanos.sum());
    }

    /** By connection name: how long its last sweep (completed or failed) took. */
    public Map<String, Duration> lastSweepDurations() {
        return new TreeMap<>(lastSweepDuration);
    }

    private static <K> Map<K, Long> copy(Map<K, LongAdder> counters) {
        Map<K, Long> copy = new HashMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return Map.copyOf(copy);
    }
}
