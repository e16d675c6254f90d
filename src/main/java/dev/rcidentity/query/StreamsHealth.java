package dev.rcidentity.query;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.IdentityState;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;

import java.util.List;
import java.util.Map;

/** Live unless Kafka Streams is in ERROR; ready when RUNNING and the stores of its active tasks answer queries. */
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
        if (state != KafkaStreams.State.RUNNING) {
            return new Status(false, state.name());
        }
        try {
            StateQueryResult<IdentityState> probe = streams.query(StateQueryRequest.inStore(StateStores.IDENTITIES.name())
                    .withQuery(KeyQuery.<String, IdentityState>withKey("0")).requireActive());
            List<Integer> failing = probe.getPartitionResults().entrySet().stream()
                    .filter(e -> e.getValue().isFailure()).map(Map.Entry::getKey).sorted().toList();
            return failing.isEmpty() ? new Status(true, "RUNNING, stores queryable")
                    : new Status(false, "RUNNING, partitions not queryable yet: " + failing);
        } catch (RuntimeException e) {
            return new Status(false, "RUNNING, stores not queryable yet: " + e.getClass().getSimpleName());
        }
    }
}
