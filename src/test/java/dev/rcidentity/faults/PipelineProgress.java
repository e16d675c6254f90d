package dev.rcidentity.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.rcidentity.kafka.Topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Waits that fail on a stall (nothing progressed for {@link Stall#LIMIT}), not on a clock, and what a stuck pipeline
 * looks like from the broker, for their failure messages: the consumer group's lag per input partition, the open
 * transactions, and the producers with a transaction open on the output topic.
 */
final class PipelineProgress {
    static final List<String> INPUTS = List.of(Topics.LOGINS.name(), Topics.EXTENSIONS.name());

    private PipelineProgress() {
    }

    /**
     * Asks {@code observe} until its answer is {@code done}; fails when the answer stays the same for
     * {@link Stall#LIMIT} or a child dies, with {@code diagnosis} and the children's thread dumps.
     */
    static <T> T await(String what, Callable<T> observe, Predicate<T> done, Supplier<String> diagnosis,
                       ChildJvm... children) throws Exception {
        Stall stall = new Stall();
        T seen = observe.call();
        while (!done.test(seen)) {
            boolean stalled = stall.stalled(seen);
            boolean dead = List.of(children).stream().anyMatch(child -> !child.alive());
            if (stalled || dead) {
                StringBuilder text = new StringBuilder(what + (dead ? ": a child JVM died" : ": no progress for "
                        + Stall.LIMIT) + ", last seen " + seen + "\n" + diagnosis.get());
                for (ChildJvm child : children) {
                    text.append('\n').append(child.logTail()).append('\n').append(child.threadDump());
                }
                throw new AssertionError(text.toString());
            }
            Thread.sleep(200); // the poll interval of a wait on a condition
            seen = observe.call();
        }
        return seen;
    }

    /** Each owner's first answer that is {@code ready}, by owner, while owners keep getting ready. */
    static Map<String, String> awaitAnswers(int port, List<String> owners, Predicate<Api.Answer> ready,
                                            ChildJvm streams) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        await("the instance on port " + port + " answering every owner", () -> {
            for (String owner : owners) {
                if (!answers.containsKey(owner)) {
                    Api.Answer answer = Api.get(port, "/v1/identities/" + owner);
                    if (!ready.test(answer)) {
                        return answers.size();
                    }
                    answers.put(owner, answer.body());
                }
            }
            return answers.size();
        }, count -> count == owners.size(), () -> "owners ready: " + answers.keySet(), streams);
        return answers;
    }

    /** Waits until the group has committed every input record, while the records left keep decreasing. */
    static void awaitInputsCommitted(String bootstrapServers, String groupId, ChildJvm streams) throws Exception {
        await(groupId + " committing every input record", () -> lag(bootstrapServers, groupId, INPUTS), lag -> lag == 0,
                () -> describe(bootstrapServers, groupId, INPUTS, Topics.IDENTITIES.name()), streams);
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
