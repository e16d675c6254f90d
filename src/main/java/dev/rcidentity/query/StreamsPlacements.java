package dev.rcidentity.query;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Finds which instance holds a key or a partition, from Kafka Streams' metadata. */
final class StreamsPlacements implements Placements {
    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final String partitionedTopic;

    /** @param partitionedTopic the source topic whose partitions number the tasks of the partition-wide stores */
    StreamsPlacements(KafkaStreams streams, String partitionedTopic) {
        this.streams = streams;
        this.partitionedTopic = partitionedTopic;
    }

    @Override
    public Placement ofKey(String store, String key) {
        return placement(() -> streams.queryMetadataForKey(store, key, KEYS));
    }

    /**
     * Kafka Streams works out the hosts of a key from its metadata under a lock, for every key. A batch asks it once
     * per partition: the first key of a store tells the partition count of the store's source topics (through the
     * partitioner, which Kafka Streams calls with it), then each key's partition is the default partitioner's, as
     * for {@link #KEYS} (murmur2 of the UTF-8 bytes), and each partition's hosts are asked for once.
     */
    @Override
    public Function<String, Placement> ofKeys(String store) {
        DefaultPartitioner partitioner = new DefaultPartitioner();
        Map<Integer, Placement> byPartition = new HashMap<>();
        return key -> {
            Placement known = partitioner.partitions > 0 ? byPartition.get(partitioner.partitionOf(key)) : null;
            if (known != null) {
                return known;
            }
            Placement placement = placement(() -> streams.queryMetadataForKey(store, key, partitioner));
            byPartition.put(placement.partition(), placement);
            return placement;
        };
    }

    /** The producer's default partitioner, remembering the partition count Kafka Streams handed it. */
    private static final class DefaultPartitioner implements StreamPartitioner<String, Object> {
        private volatile int partitions;

        int partitionOf(String key) {
            return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        }

        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
            partitions = numPartitions;
            return Optional.of(Set.of(partitionOf(key)));
        }
    }

    private static Placement placement(Supplier<KeyQueryMetadata> query) {
        KeyQueryMetadata metadata;
        try {
            metadata = query.get();
        } catch (RuntimeException e) {
            throw ApiError.unavailable("the store is not queryable yet (" + e.getClass().getSimpleName() + ")");
        }
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw ApiError.unavailable("the store is not queryable yet: starting or rebalancing");
        }
        return new Placement(metadata.partition(), metadata.activeHost(), metadata.standbyHosts());
    }

    @Override
    public Placement ofPartition(int partition) {
        TopicPartition topicPartition = new TopicPartition(partitionedTopic, partition);
        HostInfo active = null;
        Set<HostInfo> standbys = new HashSet<>();
        try {
            for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
                if (metadata.topicPartitions().contains(topicPartition)) {
                    active = metadata.hostInfo();
                }
                if (metadata.standbyTopicPartitions().contains(topicPartition)) {
                    standbys.add(metadata.hostInfo());
                }
            }
        } catch (RuntimeException e) {
            throw ApiError.unavailable("the stores are not queryable yet (" + e.getClass().getSimpleName() + ")");
        }
        if (active == null && standbys.isEmpty()) {
            throw ApiError.unavailable("partition " + partition + " has no instance yet: starting or rebalancing");
        }
        return new Placement(partition, active, standbys);
    }
}
