package dev.rcidentity.kafka.encoding;

import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * The serde of an internal store or repartition topic: a format byte, then the type's {@link Codec}. Values that
 * start with '{' are JSON, as versions before the compact encoding wrote them, and are read with the JSON serde, so
 * state, changelogs and repartition topics written by those versions stay readable. Null or empty bytes are a
 * tombstone, as with the JSON serde.
 *
 * <p>A later change of a type's layout takes the next format byte and keeps reading the earlier ones.
 */
final class CompactSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    static final int FORMAT_V1 = 1;
    static final int JSON_START = '{';

    /** A buffer per thread: the serdes are shared by every stream thread; each value is copied out of it. */
    private static final ThreadLocal<BinaryOut> BUFFERS = ThreadLocal.withInitial(() -> new BinaryOut(512));

    private final Class<T> type;
    private final Codec<T> codec;
    private final Deserializer<T> json;

    CompactSerde(Class<T> type, Codec<T> codec) {
        this.type = type;
        this.codec = codec;
        this.json = Json.deserializer(type);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        BinaryOut out = BUFFERS.get();
        out.reset();
        out.writeByte(FORMAT_V1);
        codec.write(value, out);
        return out.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        int format = bytes[0] & 0xFF;
        if (format == JSON_START) {
            return json.deserialize(topic, bytes);
        }
        if (format != FORMAT_V1) {
            throw new SerializationException(String.format("Unknown format byte 0x%02x for %s in %s (this version "
                    + "reads 0x%02x and JSON)", format, type.getSimpleName(), topic, FORMAT_V1));
        }
        try {
            BinaryIn in = new BinaryIn(bytes, 1);
            T value = codec.read(in);
            in.requireEnd();
            return value;
        } catch (MalformedValueException e) {
            throw new SerializationException("Malformed " + type.getSimpleName() + " (format " + FORMAT_V1 + ") in "
                    + topic + ": " + e.getMessage());
        } catch (InvalidRecordException e) {
            throw new SerializationException("Invalid " + type.getSimpleName() + " in " + topic + ": " + e.getMessage());
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
