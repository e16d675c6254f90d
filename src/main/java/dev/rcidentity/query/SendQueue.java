package dev.rcidentity.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit for one destination, with no added wait: an item goes at once while fewer than {@code maxInFlight}
 * sends are under way; otherwise it waits, and when a send finishes everything waiting (up to {@code maxBatch}) goes
 * as one. A lone item is sent alone at once, so coalescing costs a lone caller nothing. Not thread-safe: its owner
 * calls it under one lock per destination.
 */
final class SendQueue<T> {
    private final int maxInFlight;
    private final int maxBatch;
    private final int maxQueued;
    private final ArrayDeque<T> queued = new ArrayDeque<>();
    private int inFlight;

    SendQueue(int maxInFlight, int maxBatch, int maxQueued) {
        if (maxInFlight < 1 || maxBatch < 1 || maxQueued < maxBatch) {
            throw new IllegalArgumentException("bounds must be positive, and maxQueued at least maxBatch");
        }
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
        this.maxQueued = maxQueued;
    }

    /**
     * Queues {@code item}; returns what the caller must send now (empty: a send under way will take it), or null when
     * the queue is full (the caller sends the item on its own, outside the queue).
     */
    List<T> add(T item) {
        if (queued.size() >= maxQueued) {
            return null;
        }
        queued.add(item);
        return next();
    }

    /** A send finished; returns the next batch to send now (empty: nothing waits). */
    List<T> finished() {
        if (inFlight <= 0) {
            throw new IllegalStateException("no send was under way");
        }
        inFlight--;
        return next();
    }

    /** Nothing waits and nothing is under way: the queue may be dropped. */
    boolean idle() {
        return inFlight == 0 && queued.isEmpty();
    }

    int inFlight() {
        return inFlight;
    }

    int queued() {
        return queued.size();
    }

    private List<T> next() {
        if (queued.isEmpty() || inFlight >= maxInFlight) {
            return List.of();
        }
        List<T> batch = new ArrayList<>(Math.min(queued.size(), maxBatch));
        while (!queued.isEmpty() && batch.size() < maxBatch) {
            batch.add(queued.poll());
        }
        inFlight++;
        return batch;
    }
}
