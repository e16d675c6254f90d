package dev.rcidentity.topology;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The partition that owns a key: where the Java clients' default partitioner puts it (murmur2 of the key's UTF-8
 * bytes, positive, modulo the partition count), and so where Kafka Streams keeps its state and looks it up.
 */
final class KeyPartitioner<V> implements StreamPartitioner<String, V> {
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partitionOf(key, numPartitions)));
    }
}
