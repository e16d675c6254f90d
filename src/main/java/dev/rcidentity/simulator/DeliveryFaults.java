package dev.rcidentity.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Misbehaviour of webhook deliveries, counted over the notifications that follow (any subscription). Each
 * notification takes at most one fault, checked in the order drop, duplicate, delay, reorder. Thread-safe.
 */
public final class DeliveryFaults {
    /** Upper bound of {@link #delay}, so a forgotten fault cannot hold a notification for long. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private int drops;
    private int duplicates;
    private int delays;
    private Duration delay = Duration.ZERO;
    private int reorders;

    /** The next {@code n} notifications are never sent (and do not count as failed deliveries). */
    public synchronized DeliveryFaults drop(int n) {
        drops = requireCount(n);
        return this;
    }

    /** The next {@code n} notifications are sent twice (same {@code uuid}, one right after the other). */
    public synchronized DeliveryFaults duplicate(int n) {
        duplicates = requireCount(n);
        return this;
    }

    /** The next {@code n} notifications are sent {@code by} later (real time); later ones may overtake them. */
    public synchronized DeliveryFaults delay(int n, Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative() || by.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and " + MAX_DELAY + ", got " + by);
        }
        delays = requireCount(n);
        delay = by;
        return this;
    }

    /**
     * The next {@code n} notifications (n >= 2) are held back and sent in reverse order once the n-th one is
     * published. Notifications still held when reordering is turned off go out, in their original order, just before
     * the next notification.
     */
    public synchronized DeliveryFaults reorder(int n) {
        if (n == 1 || n < 0) {
            throw new IllegalArgumentException("reorder needs 0 (off) or at least 2 notifications, got " + n);
        }
        reorders = n;
        return this;
    }

    /** Turns every delivery fault off. */
    public synchronized DeliveryFaults clear() {
        drops = 0;
        duplicates = 0;
        delays = 0;
        delay = Duration.ZERO;
        reorders = 0;
        return this;
    }

    /** HOLD: keep back for reordering; RELEASE: the last of a reorder batch, send it and then the held ones. */
    enum Kind { NONE, DROP, DUPLICATE, DELAY, HOLD, RELEASE }

    /** The fault for the next notification, counting it down. */
    synchronized Kind take() {
        if (drops > 0) {
            drops--;
            return Kind.DROP;
        }
        if (duplicates > 0) {
            duplicates--;
            return Kind.DUPLICATE;
        }
        if (delays > 0) {
            delays--;
            return Kind.DELAY;
        }
        if (reorders > 0) {
            reorders--;
            return reorders == 0 ? Kind.RELEASE : Kind.HOLD;
        }
        return Kind.NONE;
    }

    synchronized Duration delay() {
        return delay;
    }

    private static int requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + n);
        }
        return n;
    }
}
