package dev.rcidentity.poller;

import dev.rcidentity.kafka.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Clock;
import java.time.Duration;

/**
 * Where a poller's sweeps and fetches publish, and what they compare with: the producer, the state published before
 * (read at start or by account, {@link StateLoading}) and the poller's metrics.
 */
final class PollerPublishing {
    /** Bounds a read of the published state, and the start of the notifications consumer. */
    static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STATE_CLOSE_WAIT = Duration.ofSeconds(10);

    private final PollerMetrics metrics = new PollerMetrics();
    private final PublishedState state = new PublishedState();
    private final StateLoading loading;
    private final SnapshotPublisher publisher;
    private final Clock clock;

    PollerPublishing(PollerOptions options, KafkaClients kafka, Clock clock) {
        this.publisher = new SnapshotPublisher(new KafkaProducer<>(kafka.producer("rc-identity-poller",
                options.publishTimeout()), new ByteArraySerializer(), new ByteArraySerializer()), options.publishTimeout());
        this.loading = new StateLoading(state, kafka, STATE_LOAD_TIMEOUT);
        this.clock = clock;
    }

    /** What full sweeps publish through. */
    ConnectionSweeper sweeper() {
        return new ConnectionSweeper(state, loading, publisher, metrics, clock);
    }

    /** What the push path's fetches by id publish through. */
    PushFetcher fetcher() {
        return new PushFetcher(state, loading, publisher, metrics, clock);
    }

    StateLoading loading() {
        return loading;
    }

    PollerMetrics metrics() {
        return metrics;
    }

    /** Ends a state read in progress (bounded wait), then the producer. */
    void close() {
        try {
            loading.close(STATE_CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
