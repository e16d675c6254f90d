package dev.rcidentity.poller;

import java.net.URI;
import java.time.Duration;

/**
 * The push fast path ({@code WEBHOOK_BASE_URL} set): each connection's webhook subscription and what its
 * notifications trigger.
 *
 * @param baseUrl              where RingCentral delivers ({@code /webhooks/ringcentral} is appended)
 * @param checkInterval        how often each subscription is read back (Light) and mended
 * @param pollIntervalWithPush full-sweep interval of a connection whose subscription is healthy
 * @param expiresIn            lifetime asked for a new subscription
 * @param renewAhead           a subscription expiring within this is renewed
 * @param window               notifications of one connection arriving within this are handled together
 * @param burstLimit           a window naming more extensions than this triggers one full sweep instead of fetches
 */
public record PushOptions(URI baseUrl, Duration checkInterval, Duration pollIntervalWithPush, Duration expiresIn,
                          Duration renewAhead, Duration window, int burstLimit) {
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(7);
    public static final Duration DEFAULT_RENEW_AHEAD = Duration.ofDays(1);

    public PushOptions {
        if (baseUrl == null || checkInterval.isNegative() || checkInterval.isZero() || pollIntervalWithPush.isZero()
                || burstLimit < 1) {
            throw new IllegalArgumentException("push options out of range");
        }
    }

    public static PushOptions of(URI baseUrl, Duration checkInterval, Duration pollIntervalWithPush) {
        return new PushOptions(baseUrl, checkInterval, pollIntervalWithPush, DEFAULT_EXPIRES_IN, DEFAULT_RENEW_AHEAD,
                Duration.ofMillis(500), 100);
    }

    public PushOptions withRenewAhead(Duration value) {
        return new PushOptions(baseUrl, checkInterval, pollIntervalWithPush, expiresIn, value, window, burstLimit);
    }

    public PushOptions withBurstLimit(int value) {
        return new PushOptions(baseUrl, checkInterval, pollIntervalWithPush, expiresIn, renewAhead, window, value);
    }
}
