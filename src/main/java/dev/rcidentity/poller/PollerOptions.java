package dev.rcidentity.poller;

import java.time.Duration;

/**
 * Tuning of the poller. The defaults suit RingCentral's production API; tests shrink the waits.
 *
 * @param maxPages         a sweep that needs more pages than this is abandoned as incomplete (1000 x 1000 records)
 * @param maxResponseBytes a larger response body fails the request
 * @param publishTimeout   how long a sweep waits for Kafka to acknowledge what it sent
 */
public record PollerOptions(Duration pollInterval, RetryPolicy retry, Duration connectTimeout,
                            Duration requestTimeout, int maxPages, int maxResponseBytes, Duration publishTimeout) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    public static PollerOptions defaults() {
        return new PollerOptions(DEFAULT_POLL_INTERVAL, RetryPolicy.DEFAULT, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 1000, 32 * 1024 * 1024, Duration.ofMinutes(3));
    }

    public PollerOptions withPollInterval(Duration value) {
        return new PollerOptions(value, retry, connectTimeout, requestTimeout, maxPages, maxResponseBytes, publishTimeout);
    }

    public PollerOptions withRetry(RetryPolicy value) {
        return new PollerOptions(pollInterval, value, connectTimeout, requestTimeout, maxPages, maxResponseBytes, publishTimeout);
    }

    public PollerOptions withRequestTimeout(Duration value) {
        return new PollerOptions(pollInterval, retry, connectTimeout, value, maxPages, maxResponseBytes, publishTimeout);
    }

    public PollerOptions withMaxPages(int value) {
        return new PollerOptions(pollInterval, retry, connectTimeout, requestTimeout, value, maxResponseBytes, publishTimeout);
    }
}
