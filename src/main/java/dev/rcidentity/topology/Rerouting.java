package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topic;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Brings every record of an input topic to the task that owns its key. Kafka Streams keeps a key's state in the task
 * of the partition the Java clients' partitioner gives it; librdkafka clients (Python, Go, .NET, Node, kcat) use CRC32
 * by default, so their records may land in another task, where the key's state is not. Those go through a named
 * repartition topic to the owning task; the others go straight on, with no extra hop and no store access.
 *
 * <pre>
 * records --route-X--(owned)----------------------------------------+--merge-rerouted-Xs--> in the owning task
 *                  \--(misrouted)--reroute-X--> [Xs-rerouted] -------+
 * </pre>
 */
final class Rerouting {
    private Rerouting() {
    }

    /**
     * @param name         the singular noun in the node names ({@code login}: route-login, reroute-login,
     *                     merge-rerouted-logins)
     * @param repartition  the repartition topic's name from the registry
     * @param options      without a partition count nothing can be checked, and every record stays where it is
     */
    static <V> KStream<String, V> toOwningTask(KStream<String, V> records, Topic<String, V> topic, String name,
                                               String repartition, TopologyOptions options) {
        if (options.partitions().isEmpty()) {
            return records;
        }
        int partitions = options.partitions().getAsInt();
        String owned = "merge-rerouted-" + name + "s";
        String misrouted = "reroute-" + name;
        RerouteLog log = new RerouteLog(topic.name(), RerouteLog.DEFAULT_INTERVAL);

        KStream<String, V> routed = records.processValues(() -> new PartitionRouter<>(partitions, owned, misrouted),
                Named.as("route-" + name));
        KStream<String, V> rerouted = routed
                .processValues(() -> new ReroutedRecords<>(log, partitions), Named.as(misrouted))
                .repartition(Repartitioned.<String, V>as(repartition)
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde())
                        .withStreamPartitioner(new KeyPartitioner<>())
                        .withNumberOfPartitions(partitions));
        return routed.merge(rerouted, Named.as(owned));
    }
}
