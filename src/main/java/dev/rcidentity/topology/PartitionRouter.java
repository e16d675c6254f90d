package dev.rcidentity.topology;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes a record on to {@code ownedChild} when it is in the partition that owns its key (see {@link KeyPartitioner}),
 * and to {@code misroutedChild} when a producer with another partitioner (librdkafka's CRC32 default) put it
 * elsewhere. A record without a key has no owner and stays where it is.
 */
final class PartitionRouter<V> extends ContextualFixedKeyProcessor<String, V, V> {
    private final int partitions;
    private final String ownedChild;
    private final String misroutedChild;

    PartitionRouter(int partitions, String ownedChild, String misroutedChild) {
        this.partitions = partitions;
        this.ownedChild = ownedChild;
        this.misroutedChild = misroutedChild;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        boolean owned = record.key() == null || context().recordMetadata()
                .map(source -> source.partition() == KeyPartitioner.partitionOf(record.key(), partitions))
                .orElse(true);
        context().forward(record, owned ? ownedChild : misroutedChild);
    }
}
