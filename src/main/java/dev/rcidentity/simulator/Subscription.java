package dev.rcidentity.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One webhook subscription: who owns it (user and app), where it delivers, until when, and whether RingCentral
 * blacklisted it. Also the queue of its notifications waiting to be sent, one at a time and in order. Thread-safe.
 * The verification token is a secret of the receiver: it is never rendered or logged.
 */
final class Subscription {
    static final int MAX_QUEUED = 1_000;

    final String id;
    final String accountId;
    final String ownerId;
    final String clientId;
    final String address;
    final String verificationToken;
    final Instant creationTime;
    private List<String> eventFilters;
    private long expiresIn;
    private Instant expirationTime;
    private Instant blacklistedAt;
    private String blacklistReason;
    private int consecutiveFailures;
    private boolean deleted;
    private final ArrayDeque<Notification> queue = new ArrayDeque<>();
    private boolean draining;

    Subscription(String id, TokenService.Grant owner, String address, String verificationToken,
                 List<String> eventFilters, long expiresIn, Instant now) {
        this.id = id;
        this.accountId = owner.accountId();
        this.ownerId = owner.extensionId();
        this.clientId = owner.clientId();
        this.address = address;
        this.verificationToken = verificationToken;
        this.creationTime = now;
        update(eventFilters, expiresIn, now);
    }

    /** The state to render, read at once. */
    record View(List<String> eventFilters, Instant expirationTime, Instant blacklistedAt, String blacklistReason) {
    }

    synchronized View view() {
        return new View(eventFilters, expirationTime, blacklistedAt, blacklistReason);
    }

    /** New filters (null keeps them) and a new lifetime from now: the update and renew operations. */
    synchronized void update(List<String> filters, long lifetimeSeconds, Instant now) {
        if (filters != null) {
            eventFilters = List.copyOf(filters);
        }
        expiresIn = lifetimeSeconds;
        expirationTime = now.plusSeconds(lifetimeSeconds);
    }

    synchronized long expiresIn() {
        return expiresIn;
    }

    synchronized boolean expired(Instant now) {
        return !now.isBefore(expirationTime);
    }

    synchronized boolean blacklisted() {
        return blacklistedAt != null;
    }

    /** Active: not deleted, not expired, not blacklisted. Only active subscriptions receive notifications. */
    synchronized boolean active(Instant now) {
        return !deleted && blacklistedAt == null && now.isBefore(expirationTime);
    }

    synchronized void delete() {
        deleted = true;
        queue.clear();
    }

    /** Counts a delivery outcome; the {@code limit}-th failure in a row blacklists the subscription. */
    synchronized void delivered(boolean ok, int limit, Instant now, String failure) {
        consecutiveFailures = ok ? 0 : consecutiveFailures + 1;
        if (!ok && consecutiveFailures >= limit && blacklistedAt == null) {
            blacklistedAt = now;
            blacklistReason = "Webhook delivery failed " + consecutiveFailures + " times in a row, last: " + failure;
            queue.clear();
        }
    }

    /** Queues a notification; true when the caller must start draining. False too when the queue is full. */
    synchronized Queued offer(Notification notification) {
        if (queue.size() >= MAX_QUEUED) {
            return Queued.FULL;
        }
        queue.addLast(notification);
        if (draining) {
            return Queued.QUEUED;
        }
        draining = true;
        return Queued.START_DRAIN;
    }

    enum Queued { QUEUED, START_DRAIN, FULL }

    /** The next notification to send, or null, which also ends the current drain. */
    synchronized Notification next() {
        Notification next = queue.pollFirst();
        if (next == null) {
            draining = false;
        }
        return next;
    }

    /** A drain that could not start: the next offer starts one. */
    synchronized void drainRefused() {
        draining = false;
    }
}
