package dev.rcidentity.query;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds which instance holds a key or a partition, from Kafka Streams' metadata. A key's placement is its partition's:
 * the partition is computed here as Kafka Streams computes it (the default partitioner over the co-partitioned count),
 * and the placement of each store partition is kept while the client's {@link StreamsGeneration} lasts, since Kafka
 * Streams answers {@code queryMetadataForKey} under one monitor that every lookup and the stream thread take.
 */
final class StreamsPlacements implements Placements {
    private static final StringSerializer KEYS = new StringSerializer();

    private record StorePartition(String store, int partition) {
    }

    private final KafkaStreams streams;
    private final String partitionedTopic;
    private final int partitions;
    private final GenerationCache<StorePartition, Placement> byPartition;

    /**
     * @param partitionedTopic the source topic whose partitions number the tasks of the partition-wide stores
     * @param partitions       how many partitions every input topic of the topology has
     */
    StreamsPlacements(KafkaStreams streams, String partitionedTopic, int partitions, StreamsGeneration generation) {
        this.streams = streams;
        this.partitionedTopic = partitionedTopic;
        this.partitions = partitions;
        this.byPartition = new GenerationCache<>(generation);
    }

    @Override
    public Placement ofKey(String store, String key) {
        int partition = BuiltInPartitioner.partitionForKey(KEYS.serialize(partitionedTopic, key), partitions);
        return byPartition.get(new StorePartition(store, partition), () -> find(store, key, partition));
    }

    private Placement find(String store, String key, int partition) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, KEYS);
        } catch (RuntimeException e) {
            throw ApiError.unavailable("the store is not queryable yet (" + e.getClass().getSimpleName() + ")");
        }
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw ApiError.unavailable("the store is not queryable yet: starting or rebalancing");
        }
        if (metadata.partition() != partition) {
            throw new IllegalStateException("store " + store + " puts key " + key + " in partition " + metadata.partition()
                    + ", not " + partition + ": its source topics are not partitioned by the default partitioner over "
                    + partitions + " partitions");
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
