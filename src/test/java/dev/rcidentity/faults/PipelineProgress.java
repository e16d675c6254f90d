package dev.rcidentity.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a stuck pipeline looks like from the broker, for failure messages: the consumer group's lag per input partition,
 * the open transactions, and the producers with a transaction open on the output topic.
 */
final class PipelineProgress {
    private PipelineProgress() {
    }

    /** How many input records the group has not committed yet, over every partition of {@code inputs}. */
    static long lag(String bootstrapServers, String groupId, List<String> inputs) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            return lagByPartition(admin, groupId, inputs).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static String describe(String bootstrapServers, String groupId, List<String> inputs, String output) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            StringBuilder text = new StringBuilder("group " + groupId + " lag:");
            lagByPartition(admin, groupId, inputs).forEach((p, lag) -> text.append(' ').append(p).append('=').append(lag));
            Collection<TransactionListing> transactions = admin.listTransactions().all().get(10, TimeUnit.SECONDS);
            text.append("\ntransactions: ").append(transactions.stream()
                    .map(t -> t.transactionalId() + " " + t.state()).toList());
            List<TopicPartition> outputs = admin.describeTopics(List.of(output)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(output).partitions().stream().map(p -> new TopicPartition(output, p.partition())).toList();
            DescribeProducersResult producers = admin.describeProducers(outputs);
            for (TopicPartition p : outputs) {
                List<ProducerState> open = producers.partitionResult(p).get(10, TimeUnit.SECONDS).activeProducers().stream()
                        .filter(s -> s.currentTransactionStartOffset().isPresent()).toList();
                text.append("\nopen on ").append(p).append(": ").append(open);
            }
            return text.toString();
        } catch (Exception e) {
            return "(no progress report: " + e + ")";
        }
    }

    private static Map<TopicPartition, Long> lagByPartition(Admin admin, String groupId, List<String> inputs)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        for (var description : admin.describeTopics(inputs).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
        }
        Map<TopicPartition, Long> lags = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS).forEach((p, end) -> {
                    OffsetAndMetadata at = committed.get(p);
                    lags.put(p, end.offset() - (at == null ? 0 : at.offset()));
                });
        return lags;
    }
}
