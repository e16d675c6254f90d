package dev.rcidentity.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One topic as {@code topics/<name>.properties} defines it: its name, its partition count ({@code default} means
 * {@code TOPIC_PARTITIONS}) and its topic configs (every other key).
 */
public record TopicDefinition(String name, OptionalInt partitions, Map<String, String> configs) {

    public TopicDefinition {
        configs = Map.copyOf(configs);
    }

    public String cleanupPolicy() {
        return configs.getOrDefault("cleanup.policy", "delete");
    }

    public int partitionsOr(int defaultPartitions) {
        return partitions.orElse(defaultPartitions);
    }

    /** The definitions of every topic in {@link Topics#ALL}, read from the {@code topics/} files bundled in the jar. */
    public static List<TopicDefinition> bundled() {
        List<TopicDefinition> definitions = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            String resource = "/topics/" + topic.name() + ".properties";
            try (InputStream in = TopicDefinition.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing topic definition " + resource + " in the jar");
                }
                definitions.add(parse(topic.name(), new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read topic definition " + resource, e);
            }
        }
        return definitions;
    }

    /**
     * The application's internal topics: the poller's connection status (compacted, one partition: a few hundred
     * bytes per connection, read whole by every API instance).
     */
    public static List<TopicDefinition> internal(String applicationId) {
        return List.of(new TopicDefinition(Topics.connectionStatus(applicationId).name(), OptionalInt.of(1),
                Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0", "segment.ms", "3600000",
                        "delete.retention.ms", "86400000")));
    }

    static TopicDefinition parse(String expectedName, Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> configs = new TreeMap<>();
        properties.forEach((k, v) -> configs.put(String.valueOf(k).trim(), String.valueOf(v).trim()));
        String name = configs.remove("name");
        if (!expectedName.equals(name)) {
            throw new IllegalStateException("Topic definition for " + expectedName + " names '" + name + "'");
        }
        String partitions = configs.remove("partitions");
        OptionalInt count = partitions == null || partitions.equals("default")
                ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(partitions));
        return new TopicDefinition(name, count, configs);
    }
}
