package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GenerationCacheTest {
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final StreamsGeneration generation = new StreamsGeneration(state::get, true);
    private final GenerationCache<String, String> cache = new GenerationCache<>(generation);
    private final AtomicInteger finds = new AtomicInteger();

    private String read() {
        return cache.get("store/0", () -> "found " + finds.incrementAndGet());
    }

    private void change(KafkaStreams.State now) {
        KafkaStreams.State before = state.getAndSet(now);
        generation.onChange(now, before);
    }

    @Test
    void keepsWhatItFoundWhileTheClientStaysRunning() {
        assertEquals("found 1", read());
        assertEquals("found 1", read());
        assertEquals(1, finds.get());
    }

    @Test
    void findsAgainAfterARebalance() {
        read();
        change(KafkaStreams.State.REBALANCING);
        assertEquals("found 2", read(), "nothing kept during the rebalance");
        assertEquals("found 3", read());
        change(KafkaStreams.State.RUNNING);
        assertEquals("found 4", read(), "what was found during the rebalance is dropped when it ends");
        assertEquals("found 4", read());
    }

    @Test
    void aChangeNotYetHeardKeepsNothingFoundInTheNewState() {
        read();
        state.set(KafkaStreams.State.REBALANCING); // Kafka Streams changed its state, the listener has not run yet
        assertEquals("found 2", read());
        generation.onChange(KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);
        state.set(KafkaStreams.State.RUNNING);
        assertEquals("found 3", read());
        generation.onChange(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        assertEquals("found 4", read(), "found before the last change was heard: dropped");
    }

    @Test
    void forgetsWhatTurnedOutClosed() {
        read();
        cache.forget("store/0");
        assertEquals("found 2", read());
    }

    @Test
    void keepsNothingWhenNobodyTellsItOfChanges() {
        GenerationCache<String, String> unheard = new GenerationCache<>(new StreamsGeneration(state::get, false));
        unheard.get("k", () -> "found " + finds.incrementAndGet());
        assertEquals("found 2", unheard.get("k", () -> "found " + finds.incrementAndGet()));
    }
}
