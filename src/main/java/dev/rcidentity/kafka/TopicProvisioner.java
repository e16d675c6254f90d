package dev.rcidentity.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Creates the topics that are missing and verifies the ones that exist. It never alters an existing topic: a wrong
 * cleanup policy, or co-partitioned topics with different partition counts, stop it with a message naming the topic,
 * what it found and what it expected. Running it twice changes nothing.
 */
public final class TopicProvisioner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;
    private final int defaultPartitions;
    private final Optional<Short> replicationFactor;

    public TopicProvisioner(Admin admin, int defaultPartitions, Optional<Short> replicationFactor) {
        this.admin = admin;
        this.defaultPartitions = defaultPartitions;
        this.replicationFactor = replicationFactor;
    }

    /** What was found for one topic. */
    public record Outcome(String topic, boolean created, int partitions, String cleanupPolicy, List<String> notes) {
        public String describe() {
            String line = String.format("%-26s %-8s %3d partitions  cleanup.policy=%s", topic,
                    created ? "created" : "present", partitions, cleanupPolicy);
            return notes.isEmpty() ? line : line + "\n" + notes.stream().map(n -> "    note: " + n)
                    .collect(Collectors.joining("\n"));
        }
    }

    public List<Outcome> ensure(List<TopicDefinition> definitions) {
        Map<String, TopicDescription> existing = describeExisting(admin,
                definitions.stream().map(TopicDefinition::name).toList());
        Map<String, Config> configs = existingConfigs(existing.keySet());
        List<String> problems = new ArrayList<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (TopicDefinition definition : definitions) {
            TopicDescription description = existing.get(definition.name());
            if (description == null) {
                outcomes.put(definition.name(), new Outcome(definition.name(), true,
                        definition.partitionsOr(defaultPartitions), definition.cleanupPolicy(), List.of()));
            } else {
                outcomes.put(definition.name(), verify(definition, description, configs.get(definition.name()), problems));
            }
        }
        checkCoPartitioned(outcomes, problems);
        if (!problems.isEmpty()) {
            throw new TopicMismatchException(problems);
        }
        List<TopicDefinition> missing = definitions.stream().filter(d -> !existing.containsKey(d.name())).toList();
        create(missing);
        return List.copyOf(outcomes.values());
    }

    /** Creates the application's internal topics that are missing and verifies the others (their partitions are fixed). */
    public static List<Outcome> ensureInternal(KafkaClients kafka, String applicationId) {
        try (Admin admin = Admin.create(kafka.admin())) {
            return new TopicProvisioner(admin, 1, Optional.empty()).ensure(TopicDefinition.internal(applicationId));
        }
    }

    /** Fails when a co-partitioned topic is missing or the counts differ; used by the streams app at startup. */
    public static Map<String, Integer> partitionCounts(Admin admin, Collection<String> topics) {
        Map<String, Integer> counts = new HashMap<>();
        describeExisting(admin, topics).forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }

    private Outcome verify(TopicDefinition definition, TopicDescription description, Config config, List<String> problems) {
        int partitions = description.partitions().size();
        String cleanupPolicy = configValue(config, "cleanup.policy").orElse("delete");
        List<String> notes = new ArrayList<>();
        if (!normalizePolicy(cleanupPolicy).equals(normalizePolicy(definition.cleanupPolicy()))) {
            problems.add(definition.name() + ": cleanup.policy is '" + cleanupPolicy + "', expected '"
                    + definition.cleanupPolicy() + "'");
        }
        if (definition.partitions().isPresent() && definition.partitions().getAsInt() != partitions) {
            notes.add("has " + partitions + " partitions, topics/ says " + definition.partitions().getAsInt());
        }
        definition.configs().forEach((key, expected) -> {
            if (key.equals("cleanup.policy")) {
                return;
            }
            Optional<String> actual = configValue(config, key);
            if (actual.isPresent() && !actual.get().equals(expected)) {
                notes.add(key + " is " + actual.get() + ", topics/ says " + expected + " (left as it is)");
            }
        });
        return new Outcome(definition.name(), false, partitions, cleanupPolicy, notes);
    }

    private static void checkCoPartitioned(Map<String, Outcome> outcomes, List<String> problems) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.CO_PARTITIONED) {
            Outcome outcome = outcomes.get(topic.name());
            if (outcome != null) {
                counts.put(topic.name(), outcome.partitions());
            }
        }
        if (counts.values().stream().distinct().count() > 1) {
            problems.add("co-partitioning: " + counts.entrySet().stream()
                    .map(e -> e.getKey() + " has " + e.getValue() + " partitions")
                    .collect(Collectors.joining(", "))
                    + "; expected the same count (they are joined by key)");
        }
    }

    private static String normalizePolicy(String policy) {
        return List.of(policy.replace(" ", "").split(",")).stream().sorted().collect(Collectors.joining(","));
    }

    private static Optional<String> configValue(Config config, String key) {
        if (config == null) {
            return Optional.empty();
        }
        ConfigEntry entry = config.get(key);
        return entry == null || entry.value() == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** The descriptions of those of {@code topics} that exist. */
    private static Map<String, TopicDescription> describeExisting(Admin admin, Collection<String> topics) {
        Map<String, TopicDescription> existing = new HashMap<>();
        try {
            for (var entry : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    existing.put(entry.getKey(), entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe topics " + topics + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topics", e);
        }
        return existing;
    }

    private Map<String, Config> existingConfigs(Collection<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        try {
            Map<ConfigResource, Config> all = admin.describeConfigs(resources).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Config> byName = new HashMap<>();
            all.forEach((resource, config) -> byName.put(resource.name(), config));
            return byName;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read topic configs: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void create(List<TopicDefinition> missing) {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = missing.stream()
                .map(d -> new NewTopic(d.name(), Optional.of(d.partitionsOr(defaultPartitions)), replicationFactor)
                        .configs(d.configs()))
                .toList();
        try {
            for (var entry : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        awaitLeaders(missing.stream().map(TopicDefinition::name).toList());
    }

    /**
     * Producing to a topic whose partitions have no leader yet can lose the first batch (KAFKA-15591), so creation
     * returns only once every partition has a leader.
     */
    public void awaitLeaders(List<String> topics) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                boolean ready = descriptions.values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready && leadersServe(descriptions)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Cannot describe new topics: " + rootMessage(e), e);
                }
            } catch (TimeoutException e) {
                // fall through to the deadline check
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Topics " + topics + " have partitions without a leader after " + TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    /**
     * The metadata names a leader before that broker serves the partition (a produce then still gets
     * NOT_LEADER_OR_FOLLOWER, and an idempotent producer can wedge on OUT_OF_ORDER_SEQUENCE_NUMBER). ListOffsets is
     * answered by the serving leader only, so its success is the proof.
     */
    private boolean leadersServe(Map<String, TopicDescription> descriptions)
            throws InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p ->
                request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
