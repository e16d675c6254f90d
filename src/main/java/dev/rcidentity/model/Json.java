package dev.rcidentity.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.time.Instant;

/** The one JSON mapping of the project: camelCase fields, ISO-8601 UTC times, unknown fields ignored. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("fast-instants")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private Json() {
    }

    /** Instants as {@link IsoInstant} writes them: the same text as the JavaTimeModule's, several times faster. */
    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(IsoInstant.format(value));
        }
    }

    /** The common form through {@link IsoInstant}, anything else through the JavaTimeModule's deserializer. */
    private static final class InstantDeserializer extends StdDeserializer<Instant> {
        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = IsoInstant.parse(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** A scalar field of a JSON object as text; null when it is missing, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    public static <T> Serde<T> serde(Class<T> type) {
        return Serdes.serdeFrom(serializer(), deserializer(type));
    }

    public static <T> Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
            }
        };
    }

    /**
     * Null or empty bytes are a tombstone (null). Malformed JSON and records that break the contract fail with a
     * {@link SerializationException} whose message says what is wrong, and never echoes the payload.
     */
    public static <T> Deserializer<T> deserializer(Class<T> type) {
        return (topic, bytes) -> {
            if (bytes == null || bytes.length == 0) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (ValueInstantiationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new SerializationException("Invalid " + type.getSimpleName() + " in " + topic + ": "
                        + cause.getMessage());
            } catch (JsonProcessingException e) {
                throw new SerializationException("Malformed JSON for " + type.getSimpleName() + " in " + topic + ": "
                        + e.getOriginalMessage());
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " in " + topic, e);
            }
        };
    }
}
