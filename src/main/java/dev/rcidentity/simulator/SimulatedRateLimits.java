package dev.rcidentity.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * RingCentral-style throttling: a sliding window per (application, token owner, group). Going over the limit starts
 * a penalty, and every request in that group during the penalty is refused and restarts it.
 */
final class SimulatedRateLimits {
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Duration window;
    private final Duration penalty;
    private final ToIntFunction<RateLimitGroup> limits;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    SimulatedRateLimits(Clock clock, Duration window, Duration penalty, ToIntFunction<RateLimitGroup> limits) {
        this.clock = clock;
        this.window = window;
        this.penalty = penalty;
        this.limits = limits;
    }

    record Decision(boolean allowed, RateLimitGroup group, int limit, int remaining, long windowSeconds,
                    long retryAfterSeconds) {
    }

    /** Counts one request and says whether it may go through. */
    synchronized Decision acquire(String caller, RateLimitGroup group) {
        Instant now = clock.instant();
        Bucket bucket = bucket(caller, group);
        int limit = limits.applyAsInt(group);
        if (bucket.penaltyUntil != null && now.isBefore(bucket.penaltyUntil)) {
            return refuse(bucket, group, limit, now);
        }
        bucket.penaltyUntil = null;
        Instant horizon = now.minus(window);
        while (!bucket.hits.isEmpty() && !bucket.hits.peekFirst().isAfter(horizon)) {
            bucket.hits.pollFirst();
        }
        if (bucket.hits.size() >= limit) {
            return refuse(bucket, group, limit, now);
        }
        bucket.hits.addLast(now);
        return new Decision(true, group, limit, limit - bucket.hits.size(), seconds(window), 0);
    }

    /** Refuses the request and starts (or restarts) the penalty regardless of the window: the burst fault. */
    synchronized Decision forcePenalty(String caller, RateLimitGroup group) {
        return refuse(bucket(caller, group), group, limits.applyAsInt(group), clock.instant());
    }

    private Decision refuse(Bucket bucket, RateLimitGroup group, int limit, Instant now) {
        bucket.penaltyUntil = now.plus(penalty);
        return new Decision(false, group, limit, 0, seconds(window), seconds(penalty));
    }

    private Bucket bucket(String caller, RateLimitGroup group) {
        return buckets.computeIfAbsent(caller + "|" + group.name(), k -> new Bucket());
    }

    /** Whole seconds, rounded up, at least 1: what the headers carry. */
    private static long seconds(Duration duration) {
        long s = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    private static final class Bucket {
        final ArrayDeque<Instant> hits = new ArrayDeque<>();
        Instant penaltyUntil;
    }
}
