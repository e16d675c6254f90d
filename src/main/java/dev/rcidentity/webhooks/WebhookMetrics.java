package dev.rcidentity.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/** {@code rc_identity_webhook_requests_total{outcome}}: every request of the receiver, by what became of it. */
final class WebhookMetrics {
    enum Outcome {
        ACCEPTED, HANDSHAKE, MISSING_TOKEN, WRONG_TOKEN, UNKNOWN_SUBSCRIPTION, MALFORMED, OVERSIZED, NOT_WRITTEN
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    WebhookMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("rc_identity_webhook_requests")
                    .description("webhook requests received, by outcome")
                    .tag("outcome", outcome.name().toLowerCase()).register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
