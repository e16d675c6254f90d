package dev.rcidentity.query;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.util.HashSet;
import java.util.Set;

/** Finds which instance holds a key or a partition, from Kafka Streams' metadata. */
final class Placements {
    private final KafkaStreams streams;
    private final String partitionedTopic;

    /** @param partitionedTopic the source topic whose partitions number the tasks of the partition-wide stores */
    Placements(KafkaStreams streams, String partitionedTopic) {
        this.streams = streams;
        this.partitionedTopic = partitionedTopic;
    }

    <K> Placement ofKey(String store, K key, Serializer<K> serializer) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, serializer);
        } catch (RuntimeException e) {
            throw ApiException.unavailable("the store is not queryable yet (" + e.getClass().getSimpleName() + ")");
        }
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw ApiException.unavailable("the store is not queryable yet: starting or rebalancing");
        }
        return new Placement(metadata.partition(), metadata.activeHost(), metadata.standbyHosts());
    }

    Placement ofPartition(int partition) {
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
            throw ApiException.unavailable("the stores are not queryable yet (" + e.getClass().getSimpleName() + ")");
        }
        if (active == null && standbys.isEmpty()) {
            throw ApiException.unavailable("partition " + partition + " has no instance yet: starting or rebalancing");
        }
        return new Placement(partition, active, standbys);
    }
}
