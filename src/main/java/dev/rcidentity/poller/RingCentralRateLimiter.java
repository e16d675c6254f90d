package dev.rcidentity.poller;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The rate limiters of one connection, one per API group. An endpoint starts in its documented group; when a response
 * names another group in {@code X-Rate-Limit-Group}, the endpoint is counted there from then on.
 */
final class RingCentralRateLimiter {
    private final Map<ApiGroup, GroupLimiter> groups = new EnumMap<>(ApiGroup.class);
    private final Map<Endpoint, ApiGroup> learnedGroups = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RingCentralRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (ApiGroup group : ApiGroup.values()) {
            groups.put(group, new GroupLimiter(group, nanoTime));
        }
    }

    long nanoTime() {
        return nanoTime.getAsLong();
    }

    ApiGroup groupOf(Endpoint endpoint) {
        return learnedGroups.getOrDefault(endpoint, endpoint.documentedGroup());
    }

    GroupLimiter limiter(ApiGroup group) {
        return groups.get(group);
    }

    /**
     * Applies the {@code X-Rate-Limit-*} headers of a response to {@code endpoint}; returns the group they named. The
     * remaining count of a 429 is ignored: it reflects the penalty, which {@link GroupLimiter#penalize} handles.
     */
    ApiGroup observe(Endpoint endpoint, HttpHeaders headers, int status) {
        ApiGroup group = ApiGroup.fromHeader(headers.firstValue("X-Rate-Limit-Group").orElse(null))
                .orElse(groupOf(endpoint));
        learnedGroups.put(endpoint, group);
        Integer limit = intHeader(headers, "X-Rate-Limit-Limit").orElse(null);
        Integer remaining = status == 429 ? null : intHeader(headers, "X-Rate-Limit-Remaining").orElse(null);
        Duration window = intHeader(headers, "X-Rate-Limit-Window").map(Duration::ofSeconds).orElse(null);
        groups.get(group).observe(limit, remaining, window, nanoTime.getAsLong());
        return group;
    }

    /** {@code Retry-After} in seconds (the only form RingCentral sends); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return intHeader(headers, "Retry-After").filter(s -> s >= 0).map(Duration::ofSeconds);
    }

    private static Optional<Integer> intHeader(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::trim).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
