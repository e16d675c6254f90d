package dev.rcidentity.simulator;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent requests, at most {@code capacity}. */
final class RequestLog {
    private final int capacity;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RecordedRequest request) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.pollFirst();
        }
        entries.addLast(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
