package dev.rcidentity.bench;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.StreamsOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * A Kafka Streams client under measurement, configured as production configures it ({@link KafkaClients#streams}:
 * exactly_once_v2 and the rest). A measured burst is produced while the client is paused, so the clock runs only
 * while it processes: from {@code resume()} until it has committed every input offset.
 */
final class StreamsApp implements AutoCloseable {
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);

    final String applicationId;
    final KafkaStreams streams;
    private final BenchKafka kafka;

    private StreamsApp(String applicationId, KafkaStreams streams, BenchKafka kafka) {
        this.applicationId = applicationId;
        this.streams = streams;
        this.kafka = kafka;
    }

    /** {@code httpPort}: where this instance's HTTP API will listen (its application.server). */
    static Properties config(BenchKafka kafka, String applicationId, Path stateDir, int httpPort) {
        // The bench runs one instance: a standby could never be placed and would only log about it.
        Properties config = kafka.clients().streams(new StreamsOptions(applicationId, stateDir, "127.0.0.1:" + httpPort, 0));
        // The lookup step's second instance takes its half of the tasks at once instead of warming up replicas
        // first (the group leader's setting decides, so every bench instance carries it).
        config.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, String.valueOf(Long.MAX_VALUE));
        return config;
    }

    /** Builds the topology from the config, starts the client and waits until it is RUNNING. */
    static StreamsApp start(BenchKafka kafka, Properties config, Function<Properties, Topology> topology,
                            StateRestoreListener restoreListener) throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(topology.apply(config), config);
        if (restoreListener != null) {
            streams.setGlobalStateRestoreListener(restoreListener);
        }
        streams.start();
        StreamsApp app = new StreamsApp(config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), streams, kafka);
        app.awaitRunning();
        return app;
    }

    void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams " + applicationId + " is " + streams.state()
                        + " instead of RUNNING");
            }
            Thread.sleep(20);
        }
    }

    /**
     * What a burst cost: the nanoseconds from resuming until every record was processed and committed, and the bytes
     * the application appended meanwhile (see {@link AppendedBytes}; the bench runs one application at a time).
     */
    record Burst(long nanos, long bytes) {
    }

    /**
     * Pauses processing, runs {@code produce} (which writes to {@code inputs} and waits for the acknowledgements),
     * resumes, and measures until every record is processed and committed, including what the burst sent through
     * the application's repartition topics.
     */
    Burst burst(List<String> inputs, Runnable produce, Duration timeout) throws InterruptedException {
        streams.pause();
        try {
            produce.run();
        } finally {
            Map<TopicPartition, Long> targets = kafka.endOffsets(inputs);
            long bytesBefore = AppendedBytes.total(inputs);
            long start = System.nanoTime();
            streams.resume();
            kafka.awaitCommitted(applicationId, targets, timeout);
            // The inputs are committed, so everything they caused is in the repartition topics by now.
            List<String> internal = kafka.repartitionTopics(applicationId);
            long end = internal.isEmpty() ? System.nanoTime()
                    : kafka.awaitCommitted(applicationId, kafka.endOffsets(internal), 1, timeout);
            return new Burst(end - start, AppendedBytes.total(inputs) - bytesBefore);
        }
    }

    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(60))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
