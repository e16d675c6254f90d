package dev.rcidentity.kafka.encoding;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link BinaryOut} wrote. Every read checks its bounds: a value that ends early, overruns, or holds a
 * byte no writer makes fails with {@link MalformedValueException} naming the offset, never with a guessed value.
 */
final class BinaryIn {
    private static final int MAX_NANOS = 999_999_999;

    private final byte[] bytes;
    private int position;

    BinaryIn(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int readByte() {
        if (position >= bytes.length) {
            throw new MalformedValueException("truncated at byte " + position + " of " + bytes.length);
        }
        return bytes[position++] & 0xFF;
    }

    boolean readBoolean() {
        int b = readByte();
        if (b > 1) {
            throw malformed("a boolean byte " + b);
        }
        return b == 1;
    }

    Boolean readNullableBoolean() {
        int b = readByte();
        if (b > 2) {
            throw malformed("a nullable boolean byte " + b);
        }
        return b == 0 ? null : b == 2;
    }

    int readVarInt() {
        long value = readVarLong();
        if (value > Integer.MAX_VALUE) {
            throw malformed("a length or count of " + value);
        }
        return (int) value;
    }

    long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw malformed("a varint longer than 10 bytes");
    }

    long readSignedVarLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    String readString() {
        int lengthPlusOne = readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = lengthPlusOne - 1;
        requireRemaining(length, "a string");
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    Instant readInstant() {
        int nanosPlusOne = readVarInt();
        if (nanosPlusOne == 0) {
            return null;
        }
        if (nanosPlusOne - 1 > MAX_NANOS) {
            throw malformed("an instant with " + (nanosPlusOne - 1) + " nanoseconds");
        }
        long seconds = readSignedVarLong();
        try {
            return Instant.ofEpochSecond(seconds, nanosPlusOne - 1);
        } catch (DateTimeException e) {
            throw malformed("an instant out of range (" + seconds + " s)");
        }
    }

    /** True when a nested record follows, false for null. */
    boolean readPresence() {
        int b = readByte();
        if (b > 1) {
            throw malformed("a presence byte " + b);
        }
        return b == 1;
    }

    <T> List<T> readList(Codec<T> codec) {
        int count = readVarInt();
        // Every element takes at least one byte: a larger count is corrupt, and must not size an allocation.
        requireRemaining(count, "a list");
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(codec.read(this));
        }
        return values;
    }

    /** The value must end exactly where the bytes do. */
    void requireEnd() {
        if (position != bytes.length) {
            throw new MalformedValueException((bytes.length - position) + " bytes left over after the value, at byte "
                    + position);
        }
    }

    MalformedValueException malformed(String what) {
        return new MalformedValueException(what + " at byte " + (position - 1));
    }

    private void requireRemaining(int length, String what) {
        if (length > bytes.length - position) {
            throw new MalformedValueException(what + " of " + length + " at byte " + position + " overruns the "
                    + bytes.length + "-byte value");
        }
    }
}
