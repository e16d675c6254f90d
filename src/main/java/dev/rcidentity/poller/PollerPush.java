package dev.rcidentity.poller;

import java.time.Duration;
import java.time.Instant;

/**
 * A poller's push fast path, off until {@link #enable}d (no WEBHOOK_BASE_URL): the webhook subscriptions of the
 * connections held and the consumer of {@code rc.notifications.v1}. While it is off every call does nothing, and
 * every full sweep is due.
 */
final class PollerPush {
    private record On(PushSubscriptions subscriptions, NotificationConsumer notifications) {
    }

    /** Null while push is off. */
    private volatile On on;

    void enable(PushSubscriptions subscriptions, NotificationConsumer notifications) {
        on = new On(subscriptions, notifications);
    }

    boolean enabled() {
        return on != null;
    }

    /** The webhook subscriptions of the connections held; null while push is off. */
    PushSubscriptions subscriptions() {
        On push = on;
        return push == null ? null : push.subscriptions();
    }

    /** Starts following the notifications (from their end, bounded by {@code timeout}). */
    void start(Duration timeout) {
        On push = on;
        if (push != null) {
            push.notifications().start(timeout);
        }
    }

    void hold(String key, RunningConnection connection) {
        On push = on;
        if (push != null) {
            push.subscriptions().hold(key, connection);
        }
    }

    void release(String key) {
        On push = on;
        if (push != null) {
            push.subscriptions().release(key);
        }
    }

    /** The connection is removed: its webhook subscription is deleted at RingCentral. */
    void delete(String key) throws InterruptedException {
        On push = on;
        if (push != null) {
            push.subscriptions().delete(key);
        }
    }

    /** Whether the connection's scheduled full sweep is due now; always while push is off. */
    boolean sweepDue(String key) {
        On push = on;
        return push == null || push.subscriptions().sweepDue(key);
    }

    /** The newest receipt time of the notifications handled (fetched, swept or skipped); EPOCH while push is off. */
    Instant handledThrough() {
        On push = on;
        return push == null ? Instant.EPOCH : push.notifications().handledThrough();
    }

    void close() {
        On push = on;
        if (push != null) {
            push.notifications().close();
            push.subscriptions().close();
        }
    }
}
