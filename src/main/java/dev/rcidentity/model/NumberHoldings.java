package dev.rcidentity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who held one extension number of one account, when: each extension's own holding intervals. A release closes only
 * the releasing extension's interval, and the holder at a time is the latest claim whose interval covers it, so the
 * answer does not depend on the order claims and releases were processed in (a departure observed after the new
 * holder's snapshot, or processed before it, cannot cut the new holding short).
 */
public record NumberHoldings(List<Holding> holdings) {

    /** {@code extensionId} held the number from {@code from} (inclusive) until {@code to} (exclusive; null while held). */
    public record Holding(String extensionId, Instant from, Instant to) {
        boolean covers(Instant at) {
            return !from.isAfter(at) && (to == null || at.isBefore(to));
        }
    }

    public NumberHoldings {
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }

    public static NumberHoldings none() {
        return new NumberHoldings(List.of());
    }

    @JsonIgnore
    public Optional<String> holderAt(Instant at) {
        return holdings.stream().filter(h -> h.covers(at)).max(Comparator.comparing(Holding::from))
                .map(Holding::extensionId);
    }

    /** The extension took the number at {@code at}; a claim inside a holding it already has changes nothing. */
    public NumberHoldings claim(String extensionId, Instant at) {
        for (Holding h : holdings) {
            if (h.extensionId().equals(extensionId) && h.covers(at)) {
                return this;
            }
        }
        List<Holding> next = new ArrayList<>(holdings);
        next.add(new Holding(extensionId, at, null));
        next.sort(Comparator.comparing(Holding::from));
        return new NumberHoldings(next);
    }

    /** The extension gave the number up at {@code at}: ends its holding that covers that time, if any. */
    public NumberHoldings release(String extensionId, Instant at) {
        List<Holding> next = new ArrayList<>(holdings.size());
        for (Holding h : holdings) {
            next.add(h.extensionId().equals(extensionId) && h.covers(at) ? new Holding(extensionId, h.from(), at) : h);
        }
        return new NumberHoldings(next);
    }

    /** Without the holdings that ended before {@code horizon}. */
    public NumberHoldings prunedBefore(Instant horizon) {
        return new NumberHoldings(holdings.stream().filter(h -> h.to() == null || !h.to().isBefore(horizon)).toList());
    }
}
