package dev.rcidentity.bench;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Collection;

/**
 * Bytes the bench's broker has appended to its topics, from its own per-topic {@code BytesInPerSec} meters (the
 * broker runs in this JVM): the record batches as the producers sent them (compressed), so the changelog,
 * repartition and output records an application writes, without the transaction markers.
 */
final class AppendedBytes {
    private static final String PATTERN = "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=*";

    private AppendedBytes() {
    }

    /** Bytes appended so far to every topic except {@code excluded} and the broker's own ({@code __*}). */
    static long total(Collection<String> excluded) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long total = 0;
        try {
            for (ObjectName name : server.queryNames(new ObjectName(PATTERN), null)) {
                String topic = name.getKeyProperty("topic");
                topic = topic.startsWith("\"") ? ObjectName.unquote(topic) : topic;
                if (!topic.startsWith("__") && !excluded.contains(topic)) {
                    total += ((Number) server.getAttribute(name, "Count")).longValue();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the broker's BytesInPerSec meters: " + e.getMessage(), e);
        }
        return total;
    }
}
