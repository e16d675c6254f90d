package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the Kafka Streams client's changes of state, so that what was found about its tasks (a store partition's
 * handle, where a partition lives) can be kept until the next change instead of being found again, under Kafka
 * Streams' locks, on every read. Every rebalance takes the client through REBALANCING (a member's tasks are
 * reassigned, recycled between active and standby, or closed only then), so anything found while it was RUNNING holds
 * until the next change is heard. Nothing found while it is not RUNNING is kept.
 * <p>
 * Kafka Streams calls a state listener right after it changes its state: a read between the two sees the new state
 * with the old generation. A read checks the state after the generation and finds after both, so whatever it keeps was
 * found in the state it saw; at worst it keeps something found after the change under the old generation, which the
 * listener then drops.
 */
final class StreamsGeneration implements KafkaStreams.StateListener {
    /** What {@link #stable} answers when nothing found now may be kept. */
    static final long UNSTABLE = -1;

    private final Supplier<KafkaStreams.State> state;
    private final boolean heard;
    private final AtomicLong changes = new AtomicLong();

    StreamsGeneration(Supplier<KafkaStreams.State> state, boolean heard) {
        this.state = state;
        this.heard = heard;
    }

    /** A generation the client's state listener advances ({@link #onChange}): register it before reads begin. */
    static StreamsGeneration listening(KafkaStreams streams) {
        return new StreamsGeneration(streams::state, true);
    }

    /** For a client nobody tells this of changes: never stable, so nothing is kept. */
    static StreamsGeneration unheard(KafkaStreams streams) {
        return new StreamsGeneration(streams::state, false);
    }

    /** The current generation when the client is RUNNING; {@link #UNSTABLE} otherwise. */
    long stable() {
        long generation = changes.get();
        return heard && state.get() == KafkaStreams.State.RUNNING ? generation : UNSTABLE;
    }

    @Override
    public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
        changes.incrementAndGet();
    }
}
