package dev.rcidentity.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook subscriptions, at most {@link #MAX_PER_USER_AND_APP} per user and application. An expired
 * subscription is gone: not listed, not found, not counted. Thread-safe.
 */
final class Subscriptions {
    static final int MAX_PER_USER_AND_APP = 30;

    private final Clock clock;
    private final Map<String, Subscription> byId = new LinkedHashMap<>();

    Subscriptions(Clock clock) {
        this.clock = clock;
    }

    /** A new subscription, or empty when the owner already has the maximum. */
    synchronized Optional<Subscription> create(TokenService.Grant owner, String address, String verificationToken,
                                               List<String> eventFilters, long expiresIn) {
        if (of(owner).size() >= MAX_PER_USER_AND_APP) {
            return Optional.empty();
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), owner, address,
                verificationToken, eventFilters, expiresIn, clock.instant());
        byId.put(subscription.id, subscription);
        return Optional.of(subscription);
    }

    /** The owner's subscriptions (user and application of the token), oldest first. */
    synchronized List<Subscription> of(TokenService.Grant owner) {
        purgeExpired();
        return byId.values().stream()
                .filter(s -> s.clientId.equals(owner.clientId()) && s.ownerId.equals(owner.extensionId()))
                .toList();
    }

    synchronized Optional<Subscription> find(TokenService.Grant owner, String id) {
        return of(owner).stream().filter(s -> s.id.equals(id)).findFirst();
    }

    synchronized boolean delete(TokenService.Grant owner, String id) {
        Optional<Subscription> subscription = find(owner, id);
        subscription.ifPresent(s -> {
            byId.remove(s.id);
            s.delete();
        });
        return subscription.isPresent();
    }

    /** The subscriptions that receive the account's events now. */
    synchronized List<Subscription> activeFor(String accountId) {
        purgeExpired();
        Instant now = clock.instant();
        return byId.values().stream().filter(s -> s.accountId.equals(accountId) && s.active(now)).toList();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> {
            boolean expired = s.expired(now);
            if (expired) {
                s.delete();
            }
            return expired;
        });
    }
}
