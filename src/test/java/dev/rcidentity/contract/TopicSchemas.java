package dev.rcidentity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the topics as they ship in the jar ({@code topics/schemas/<topic>.schema.json}), loaded from the
 * classpath so relative {@code $ref}s resolve as they would for any consumer holding the files. Formats
 * ({@code date-time}, {@code uri}) are asserted, not only annotated.
 */
public final class TopicSchemas {
    static final String DIRECTORY = "topics/schemas/";
    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private TopicSchemas() {
    }

    /** The classpath resource holding {@code file} (a name under {@code topics/schemas/}). */
    static String resource(String file) {
        return DIRECTORY + file;
    }

    /** The schema of the value of {@code topic}. */
    public static Schema valueSchema(String topic) {
        return schema(topic + ".schema.json");
    }

    static Schema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource(f))));
    }

    /** The JSON Schema 2020-12 meta-schema (bundled with the validator: no network). */
    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
    }

    /** What is wrong with {@code value} as a record of {@code topic}; empty when it validates. */
    public static List<Error> errors(String topic, JsonNode value) {
        return valueSchema(topic).validate(value);
    }

    /** What is wrong with a record of {@code topic} as it travels: its key and its UTF-8 JSON value (null: a tombstone). */
    public static List<Error> errors(String topic, String key, byte[] value) {
        List<Error> keyErrors = schema("key.schema.json").validate(Json.MAPPER.getNodeFactory().textNode(key));
        if (!keyErrors.isEmpty()) {
            return keyErrors;
        }
        try {
            return errors(topic, value == null ? NullNode.getInstance() : Json.MAPPER.readTree(value));
        } catch (IOException e) {
            throw new UncheckedIOException("the value in " + topic + " under key " + key + " is not JSON", e);
        }
    }

    /** A schema file as JSON, for checks of the schema itself. */
    static JsonNode read(String file) {
        try (InputStream in = TopicSchemas.class.getClassLoader().getResourceAsStream(resource(file))) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource(file) + " on the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
