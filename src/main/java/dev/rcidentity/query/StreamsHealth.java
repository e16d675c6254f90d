package dev.rcidentity.query;

import org.apache.kafka.streams.KafkaStreams;

/** Live unless Kafka Streams is in ERROR; ready when RUNNING (its stores queryable). */
public final class StreamsHealth implements HealthCheck {
    private final KafkaStreams streams;

    public StreamsHealth(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public String name() {
        return "streams";
    }

    @Override
    public Status live() {
        KafkaStreams.State state = streams.state();
        return new Status(state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR, state.name());
    }

    @Override
    public Status ready() {
        KafkaStreams.State state = streams.state();
        return new Status(state == KafkaStreams.State.RUNNING, state.name());
    }
}
