package dev.rcidentity.query;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.util.HashSet;
import java.util.Set;

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
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, KEYS);
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
