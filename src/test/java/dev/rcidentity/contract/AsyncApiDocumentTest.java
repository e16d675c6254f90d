package dev.rcidentity.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rcidentity.kafka.TopicDefinition;
import dev.rcidentity.kafka.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/asyncapi.yaml parses as an AsyncAPI 3.0 document, names every topic of {@code topics/} with the partitions,
 * cleanup policy and retention its definition file gives, pairs each JSON topic with its schema, and every
 * {@code $ref} in it resolves (inside the document, or to an existing schema file and a node in it).
 */
class AsyncApiDocumentTest {
    private static final Path DOCUMENT = Path.of("docs/asyncapi.yaml");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** TOPIC_PARTITIONS unset: what {@code partitions=default} means. */
    private static final int DEFAULT_PARTITIONS = 6;
    /** Topic configs the Kafka channel binding (0.5.0) can state; the other ones stay in topics/ only. */
    private static final List<String> BINDING_CONFIGS = List.of("retention.ms", "retention.bytes", "delete.retention.ms");

    private final JsonNode document = read(DOCUMENT);

    @Test
    void isAnAsyncApi3DocumentWithChannelsOperationsAndMessages() {
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertFalse(document.path("info").path("title").asText().isBlank());
        assertFalse(document.path("info").path("version").asText().isBlank());
        assertEquals("kafka", document.path("servers").path("kafka").path("protocol").asText());
        for (String section : List.of("channels", "operations")) {
            assertTrue(document.path(section).isObject() && !document.path(section).isEmpty(), section);
        }
        assertTrue(document.path("components").path("messages").isObject());
    }

    @Test
    void everyTopicHasAChannelWithTheBindingsOfItsDefinition() {
        Map<String, JsonNode> channels = channelsByAddress();
        for (TopicDefinition topic : TopicDefinition.bundled()) {
            JsonNode channel = channels.get(topic.name());
            assertTrue(channel != null, topic.name() + " has no channel");
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertEquals(topic.partitionsOr(DEFAULT_PARTITIONS), kafka.path("partitions").asInt(), topic.name());
            JsonNode configuration = kafka.path("topicConfiguration");
            assertEquals(List.of(topic.cleanupPolicy().split(",")), texts(configuration.path("cleanup.policy")), topic.name());
            for (String config : BINDING_CONFIGS) {
                String expected = topic.configs().get(config);
                assertEquals(expected, configuration.has(config) ? configuration.get(config).asText() : null,
                        topic.name() + " " + config);
            }
        }
        Set<String> known = new HashSet<>();
        TopicDefinition.bundled().forEach(t -> known.add(t.name()));
        assertEquals(known, channels.keySet(), "a channel for every topic, and no other");
    }

    @Test
    void everyJsonTopicCarriesItsSchemaAndItsKey() {
        Map<String, JsonNode> channels = channelsByAddress();
        Set<String> jsonTopics = new HashSet<>(channels.keySet());
        jsonTopics.remove(Topics.DEAD_LETTERS.name());
        for (String topic : jsonTopics) {
            List<String> payloads = new ArrayList<>();
            channels.get(topic).path("messages").forEach(ref -> {
                JsonNode message = resolveInDocument(ref.path("$ref").asText());
                payloads.add(message.path("payload").path("schema").path("$ref").asText(null));
                assertTrue(message.path("bindings").path("kafka").path("key").has("$ref"), topic + " message key");
            });
            assertTrue(payloads.contains("../" + TopicSchemas.DIRECTORY + topic + ".schema.json"), topic + ": " + payloads);
        }
    }

    @Test
    void everyOperationSendsOrReceivesMessagesOfItsOwnChannel() {
        document.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            assertTrue(Set.of("send", "receive").contains(operation.path("action").asText()), entry.getKey());
            String channel = operation.path("channel").path("$ref").asText();
            assertTrue(channel.startsWith("#/channels/"), entry.getKey());
            operation.path("messages").forEach(message ->
                    assertTrue(message.path("$ref").asText().startsWith(channel + "/messages/"), entry.getKey()));
        });
        Set<String> sent = new HashSet<>();
        document.path("operations").forEach(o -> {
            if (o.path("action").asText().equals("send")) {
                sent.add(o.path("channel").path("$ref").asText());
            }
        });
        document.path("channels").fieldNames().forEachRemaining(name ->
                assertTrue(sent.contains("#/channels/" + name), "nothing sends to " + name));
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 20, "refs found: " + refs.size());
        Map<Path, JsonNode> files = new HashMap<>();
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                resolveInDocument(ref);
                continue;
            }
            String[] parts = ref.split("#", 2);
            Path file = DOCUMENT.getParent().resolve(parts[0]).normalize();
            assertTrue(Files.isRegularFile(file), ref + " names no file");
            JsonNode target = files.computeIfAbsent(file, AsyncApiDocumentTest::read);
            if (parts.length == 2) {
                assertFalse(target.at(JsonPointer.compile(parts[1])).isMissingNode(), ref + " names no node");
            }
        }
    }

    private Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new HashMap<>();
        document.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            assertTrue(channels.put(address, channel) == null, "two channels for " + address);
        });
        return channels;
    }

    private JsonNode resolveInDocument(String ref) {
        assertTrue(ref.startsWith("#/"), ref);
        JsonNode target = document.at(JsonPointer.compile(ref.substring(1)));
        assertFalse(target.isMissingNode(), ref + " resolves to nothing");
        return target;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static JsonNode read(Path file) {
        try {
            return (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}
