package dev.rcidentity.poller;

import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads {@code rc.extensions.v1} and {@code rc.accounts.v1} into the {@link PublishedState} with one consumer that
 * lives as long as the poller and remembers where it stopped: a read goes on from there to the end offsets of the
 * moment. The extensions are keyed by extensionId, so no partition holds one account's records only; instead the
 * reader notes, for every account whose records it has passed, the first offset of each partition holding one (a few
 * longs per account, not the records). An account it has never seen had nothing published before that position and
 * needs no going back; one it has seen (published by an earlier holder) is read again from those first offsets only.
 * The first read scans the topics once; later ones (new connections, a handover) read what came since, plus the
 * accounts' own stretches. Not thread-safe: the caller serializes reads ({@link StateLoading}).
 */
final class StateReader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateReader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final PublishedState state;
    private final KafkaClients kafka;
    private final Duration timeout;
    /** Per account, the first offset of its records in each partition (index as in {@link #partitions}). */
    private final Map<String, long[]> firstOffsets = new HashMap<>();
    private final Map<TopicPartition, Integer> slots = new HashMap<>();
    private List<TopicPartition> partitions;
    private KafkaConsumer<byte[], byte[]> consumer;
    private boolean closed;

    StateReader(PublishedState state, KafkaClients kafka, Duration timeout) {
        this.state = state;
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /**
     * Applies the records of the accounts {@code wanted} accepts, up to the end offsets of the moment; first goes back
     * to the earliest record of each of {@code accounts} already passed. Unreadable records are skipped (the next
     * sweep publishes those extensions again). Fails when no record arrives for {@code timeout}: the read is bounded
     * by those end offsets, and a takeover of many accounts may have to read most of the topics (1,000,000 records
     * took 33-45 s under load), so a bound on the whole read would fail exactly the reads that must go through.
     */
    void read(Predicate<String> wanted, Set<String> accounts) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        open();
        rewind(accounts);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long records = 0;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Reading the published snapshots: no record for " + timeout + " ("
                        + records + " read)");
            }
            ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
            if (!polled.isEmpty()) {
                deadline = System.nanoTime() + timeout.toNanos();
            }
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                String account = state.apply(record, wanted);
                if (account != null) {
                    noteFirst(account, record);
                }
                records++;
            }
        }
        log.info("Read the published state of {} account(s) from {} record(s) in {} ms; {} extensions and {} "
                        + "accounts held", accounts.size(), records, (System.nanoTime() - start) / 1_000_000,
                state.extensionCount(), state.accountCount());
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the poller is closed");
        }
        if (consumer != null) {
            return;
        }
        KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(kafka.readCommittedConsumer(
                "rc-identity-poller-state"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : List.of(Topics.EXTENSIONS.name(), Topics.ACCOUNTS.name())) {
                List<PartitionInfo> infos = created.partitionsFor(topic, timeout);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalStateException("Topic " + topic + " does not exist; create the topics first");
                }
                infos.forEach(info -> all.add(new TopicPartition(info.topic(), info.partition())));
            }
            created.assign(all);
            created.seekToBeginning(all);
            for (int i = 0; i < all.size(); i++) {
                slots.put(all.get(i), i);
            }
            partitions = List.copyOf(all);
            consumer = created;
        } catch (RuntimeException e) {
            created.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    private void rewind(Set<String> accounts) {
        for (String account : accounts) {
            long[] first = firstOffsets.get(account);
            if (first == null) {
                continue;
            }
            for (int i = 0; i < first.length; i++) {
                TopicPartition tp = partitions.get(i);
                if (first[i] != Long.MAX_VALUE && first[i] < consumer.position(tp, timeout)) {
                    consumer.seek(tp, first[i]);
                }
            }
        }
    }

    private void noteFirst(String account, ConsumerRecord<byte[], byte[]> record) {
        int slot = slots.get(new TopicPartition(record.topic(), record.partition()));
        long[] first = firstOffsets.computeIfAbsent(account, a -> {
            long[] none = new long[partitions.size()];
            Arrays.fill(none, Long.MAX_VALUE);
            return none;
        });
        first[slot] = Math.min(first[slot], record.offset());
    }

    @Override
    public void close() {
        closed = true;
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
