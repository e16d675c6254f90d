package dev.rcidentity.cli;

import dev.rcidentity.config.SettingsException;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.kafka.TopicProvisioner;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.topology.IdentityTopology;
import dev.rcidentity.topology.TopologyOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The identity topology running in a {@link KafkaStreams} client. */
final class StreamsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final int partitions;
    private final List<KafkaStreams.StateListener> listeners;

    private StreamsService(KafkaStreams streams, int partitions, List<KafkaStreams.StateListener> listeners) {
        this.streams = streams;
        this.partitions = partitions;
        this.listeners = listeners;
    }

    /**
     * Checks that the input topics exist and are co-partitioned, then starts the topology. {@code onFatal} hears of
     * the client going to ERROR.
     */
    static StreamsService start(KafkaClients kafka, StreamsOptions options, Duration historyRetention,
                                Consumer<String> onFatal) {
        int partitions = coPartitionedCount(kafka);
        Properties config = kafka.streams(options);
        Topology topology = IdentityTopology.buildTopology(
                new TopologyOptions(OptionalInt.of(partitions), historyRetention), config);
        KafkaStreams streams = new KafkaStreams(topology, config);
        List<KafkaStreams.StateListener> listeners = new CopyOnWriteArrayList<>();
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            listeners.forEach(listener -> listener.onChange(now, before));
            if (now == KafkaStreams.State.ERROR) {
                onFatal.accept("Kafka Streams stopped with an error (see the log above)");
            }
        });
        streams.start();
        return new StreamsService(streams, partitions, listeners);
    }

    private static int coPartitionedCount(KafkaClients kafka) {
        List<String> names = Topics.CO_PARTITIONED.stream().map(t -> t.name()).toList();
        String bootstrapServers = kafka.bootstrapServers();
        try (Admin admin = Admin.create(kafka.admin())) {
            Map<String, Integer> counts = TopicProvisioner.partitionCounts(admin, names);
            for (String name : names) {
                if (!counts.containsKey(name)) {
                    throw new SettingsException("topic " + name + " does not exist on " + bootstrapServers
                            + ": create the topics first (java -jar target/rc-identity.jar topics)");
                }
            }
            if (counts.values().stream().distinct().count() > 1) {
                throw new SettingsException("topics must have the same partition count, found " + counts);
            }
            return counts.get(names.get(0));
        }
    }

    KafkaStreams streams() {
        return streams;
    }

    /** Adds a listener of the client's changes of state (Kafka Streams holds one; this one tells them all). */
    void addStateListener(KafkaStreams.StateListener listener) {
        listeners.add(listener);
    }

    /** The partition count of the co-partitioned input topics (and of the tasks that hold the stores). */
    int partitions() {
        return partitions;
    }

    /** Waits until the client is RUNNING; false when the deadline passes first. */
    boolean awaitRunning(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (Instant.now().isAfter(deadline) || streams.state() == KafkaStreams.State.ERROR) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * Leaves the group on a graceful stop so the other instances take the tasks over at once, instead of after the
     * session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
