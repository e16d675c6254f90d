package dev.rcidentity.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Webhook notifications of the simulator's subscriptions: every {@link RingCentralSimulator#tick()} sends an
 * extension list event to each active subscription of every account it changed. Settings here apply to what is
 * published next. Thread-safe.
 */
public final class Webhooks implements AutoCloseable {
    private final Clock clock;
    private final DeliveryFaults faults = new DeliveryFaults();
    private final Subscriptions subscriptions;
    private final WebhookDelivery delivery;
    private final WebhookValidator validator;
    private volatile boolean flatBodies;

    Webhooks(Clock clock) {
        this.clock = clock;
        this.subscriptions = new Subscriptions(clock);
        this.delivery = new WebhookDelivery(clock, faults);
        this.validator = new WebhookValidator(delivery.http());
    }

    public DeliveryFaults faults() {
        return faults;
    }

    /**
     * When on, a notification per extension in the spec's flat shape {@code body{extensionId, eventType, ownerId}};
     * off (the default), one per account and tick in the guide's shape {@code body.extensions[]}.
     */
    public Webhooks flatBodies(boolean on) {
        flatBodies = on;
        return this;
    }

    /** How many failed deliveries in a row blacklist a subscription (default 5). */
    public Webhooks blacklistAfter(int failures) {
        if (failures < 1 || failures > 1_000) {
            throw new IllegalArgumentException("failures must be 1..1000, got " + failures);
        }
        delivery.blacklistAfter(failures);
        return this;
    }

    /** How long a receiver has to answer a notification (default 5 s); a slower answer is a failed delivery. */
    public Webhooks deliveryTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 10 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("timeout must be 10 ms..1 min, got " + timeout);
        }
        delivery.timeout(timeout);
        return this;
    }

    /** The most recent delivery outcomes (up to 10,000), oldest first. */
    public List<DeliveryAttempt> deliveries() {
        return delivery.attempts();
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    WebhookValidator validator() {
        return validator;
    }

    /** Queues the notifications of a tick's changes; returns at once, delivery happens on its own threads. */
    synchronized void publish(SimulatorChanges changes) {
        Instant now = clock.instant();
        for (Map.Entry<String, List<ExtensionEvents.Event>> account : ExtensionEvents.byAccount(changes).entrySet()) {
            for (Subscription subscription : subscriptions.activeFor(account.getKey())) {
                for (Notification n : ExtensionEvents.notifications(subscription, account.getValue(), flatBodies, now)) {
                    delivery.submit(subscription, n);
                }
            }
        }
    }

    @Override
    public void close() {
        delivery.close();
    }
}
