package dev.rcidentity.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Client-side throttle for one rate-limit group of one connection: a sliding-window log of the requests this
 * connection sent, sized by the group's limit and window (documented defaults until {@code X-Rate-Limit-*} headers
 * say otherwise), plus the penalty after a 429, during which nothing is sent (each request would restart it).
 * Times are {@link System#nanoTime()}-style monotonic nanoseconds.
 */
final class GroupLimiter {
    /** One request's place in the window. It counts from its start until it completes, then from its completion. */
    static final class Slot {
        private long at;
        private boolean inFlight = true;

        private Slot(long at) {
            this.at = at;
        }
    }

    private static final long MAX_IDLE_WAIT_NANOS = Duration.ofMillis(200).toNanos();

    private final ApiGroup group;
    private final LongSupplier nanoTime;
    private final List<Slot> slots = new ArrayList<>();
    private int limit;
    private long windowNanos;
    private long penaltyUntil;
    private boolean penalized;

    GroupLimiter(ApiGroup group, LongSupplier nanoTime) {
        this.group = group;
        this.nanoTime = nanoTime;
        this.limit = group.defaultLimit();
        this.windowNanos = ApiGroup.DEFAULT_WINDOW.toNanos();
    }

    ApiGroup group() {
        return group;
    }

    synchronized int limit() {
        return limit;
    }

    synchronized Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /** How long until a request may be sent; 0 when one may go now. */
    synchronized long nanosUntilAvailable(long now) {
        if (penalized && now - penaltyUntil < 0) {
            return penaltyUntil - now;
        }
        penalized = false;
        prune(now);
        if (slots.size() < limit) {
            return 0;
        }
        long earliest = Long.MAX_VALUE;
        for (Slot slot : slots) {
            if (!slot.inFlight) {
                earliest = Math.min(earliest, slot.at + windowNanos - now);
            }
        }
        // Every slot still in flight: one frees no earlier than its completion, which notifies waiters.
        return earliest == Long.MAX_VALUE ? MAX_IDLE_WAIT_NANOS : Math.max(1, earliest);
    }

    /** Takes a slot if one is free now, else returns null. */
    synchronized Slot tryAcquire(long now) {
        if (nanosUntilAvailable(now) > 0) {
            return null;
        }
        Slot slot = new Slot(now);
        slots.add(slot);
        return slot;
    }

    /**
     * Waits for a slot. Fails without waiting when the slot would come after {@code deadline}: a rate-limit wait that
     * cannot help the caller must not hold the connection.
     */
    synchronized Slot acquire(long deadline) throws InterruptedException {
        while (true) {
            long now = nanoTime.getAsLong();
            long wait = nanosUntilAvailable(now);
            if (wait == 0) {
                return tryAcquire(now);
            }
            if (now + wait - deadline > 0) {
                throw new RingCentralApiException("rate-limit group " + group + " allows the next request in "
                        + Duration.ofNanos(wait).toMillis() + " ms, after the request deadline",
                        RingCentralApiException.NO_RESPONSE, null);
            }
            long millis = Math.max(1, Math.min(wait, MAX_IDLE_WAIT_NANOS * 5) / 1_000_000);
            wait(millis);
        }
    }

    /** The request's response arrived (or it failed): from now on it ages out of the window from this time. */
    synchronized void complete(Slot slot, long now) {
        slot.at = now;
        slot.inFlight = false;
        notifyAll();
    }

    /**
     * Takes the server's view from the {@code X-Rate-Limit-*} headers (each may be null). When the server counts more
     * requests in the window than this log holds (another client on the same credentials, or a restart), the gap is
     * filled with slots at {@code now}, so the log never lets more through than the server would.
     */
    synchronized void observe(Integer newLimit, Integer remaining, Duration newWindow, long now) {
        if (newLimit != null && newLimit > 0) {
            limit = newLimit;
        }
        if (newWindow != null && !newWindow.isNegative() && !newWindow.isZero()) {
            windowNanos = newWindow.toNanos();
        }
        if (remaining != null) {
            prune(now);
            int serverUsed = limit - Math.max(0, remaining);
            for (int missing = serverUsed - slots.size(); missing > 0; missing--) {
                Slot phantom = new Slot(now);
                phantom.inFlight = false;
                slots.add(phantom);
            }
        }
        notifyAll();
    }

    /** A 429: nothing goes out in this group for {@code retryAfter}. */
    synchronized void penalize(Duration retryAfter, long now) {
        long until = now + retryAfter.toNanos();
        if (!penalized || until - penaltyUntil > 0) {
            penaltyUntil = until;
        }
        penalized = true;
    }

    private void prune(long now) {
        slots.removeIf(slot -> !slot.inFlight && now - slot.at >= windowNanos);
    }
}
