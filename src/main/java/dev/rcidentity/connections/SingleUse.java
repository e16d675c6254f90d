package dev.rcidentity.connections;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids of tokens already used, each kept until its token expires (after that the expiry check refuses it
 * anyway). Bounded: when full of unexpired ids it refuses new ones instead of forgetting used ones.
 */
final class SingleUse {
    private final int capacity;
    private final Map<String, Instant> used = new HashMap<>();

    SingleUse(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Marks {@code id} used; false when it already was. */
    synchronized boolean claim(String id, Instant expiresAt, Instant now, String kind) {
        if (used.containsKey(id)) {
            return false;
        }
        if (used.size() >= capacity) {
            used.values().removeIf(expiry -> !expiry.isAfter(now));
            if (used.size() >= capacity) {
                throw new InvalidTokenException(InvalidTokenException.Reason.OVERLOADED,
                        "More than " + capacity + " " + kind + "s are in use at once; try again later");
            }
        }
        used.put(id, expiresAt);
        return true;
    }

    synchronized int size() {
        return used.size();
    }
}
