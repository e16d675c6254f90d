package dev.rcidentity.topology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log of the records of one input topic that were re-routed: one line at most every {@code interval}, shared by
 * every task that reads the topic, naming the topic, the partition the record was in and the one that owns its key,
 * and how many were re-routed since the previous line.
 */
final class RerouteLog {
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RerouteLog.class);

    private final String topic;
    private final long intervalMs;
    private final AtomicLong nextLineAtMs = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

    RerouteLog(String topic, Duration interval) {
        this.topic = topic;
        this.intervalMs = interval.toMillis();
    }

    String topic() {
        return topic;
    }

    /** Notes a re-routed record; true when this one was logged. */
    boolean rerouted(int foundIn, int ownedBy, long nowMs) {
        unlogged.incrementAndGet();
        long due = nextLineAtMs.get();
        if (nowMs < due || !nextLineAtMs.compareAndSet(due, nowMs + intervalMs)) {
            return false;
        }
        LOG.warn("{} record(s) of {} re-routed to the task that owns their key since the last line; this one was in "
                        + "partition {}, its key belongs to partition {}. Their producer does not partition like the "
                        + "Java clients (murmur2): librdkafka clients can set partitioner=murmur2_random",
                unlogged.getAndSet(0), topic, foundIn, ownedBy);
        return true;
    }
}
