package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How stale this instance's copy of each store partition may be: the time since it was last seen caught up with its
 * changelog. Kafka Streams reports lag in offsets; this turns it into a time bound that {@code ?maxLagMs=} can be
 * checked against. Under exactly-once a changelog ends with a transaction marker that a copy never reads, so an offset
 * lag of one is the caught-up state (a record not yet read would come with its own marker: a lag of two or more).
 */
final class StandbyStaleness implements Staleness, AutoCloseable {
    static final long UNKNOWN = Long.MAX_VALUE;
    private static final long CAUGHT_UP_LAG = 1;

    private final KafkaStreams streams;
    private final Clock clock;
    private final Map<String, Long> caughtUpAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "standby-lag");
        t.setDaemon(true);
        return t;
    });

    StandbyStaleness(KafkaStreams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
        scheduler.scheduleWithFixedDelay(this::refresh, 0, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public long stalenessMs(String store, int partition) {
        Long at = caughtUpAt.get(store + "/" + partition);
        return at == null ? UNKNOWN : Math.max(0, clock.millis() - at);
    }

    void refresh() {
        Map<String, Map<Integer, LagInfo>> lags;
        try {
            lags = streams.allLocalStorePartitionLags();
        } catch (RuntimeException e) {
            return; // not running: staleness keeps growing, which is the truth
        }
        long now = clock.millis();
        lags.forEach((store, partitions) -> partitions.forEach((partition, lag) -> {
            if (lag.offsetLag() <= CAUGHT_UP_LAG) {
                caughtUpAt.put(store + "/" + partition, now);
            }
        }));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
