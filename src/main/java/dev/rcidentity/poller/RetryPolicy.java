package dev.rcidentity.poller;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How one request is retried: 5xx and network errors back off exponentially with jitter, every attempt (429s too)
 * counts against {@code maxAttempts}, and nothing goes on past {@code deadline} after the first attempt.
 * {@code missingRetryAfter} is the penalty assumed when a 429 carries no {@code Retry-After}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration deadline,
                          Duration missingRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMinutes(3), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}: half the exponential step plus up to half again at random. */
    public Duration backoff(int failedAttempts, RandomGenerator random) {
        long step = initialBackoff.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 20);
        long capped = Math.max(1, Math.min(step, maxBackoff.toMillis()));
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }
}
