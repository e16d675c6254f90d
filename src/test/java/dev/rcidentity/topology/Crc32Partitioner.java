package dev.rcidentity.topology;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

import java.util.Map;
import java.util.zip.CRC32;

/**
 * Partitions as librdkafka clients do by default ({@code consistent_random}, {@code crc32}): the CRC32 of the key
 * bytes, unsigned, modulo the partition count. Python's confluent-kafka, Go, .NET, Node and kcat write keys this way.
 */
public final class Crc32Partitioner implements Partitioner {
    static int partitionOf(byte[] keyBytes, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(keyBytes);
        return (int) (crc.getValue() % partitions);
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        return partitionOf(keyBytes, cluster.partitionCountForTopic(topic));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
