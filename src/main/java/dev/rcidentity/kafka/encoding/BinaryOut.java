package dev.rcidentity.kafka.encoding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the compact encoding's primitives into a growable buffer: unsigned and zig-zag varints, strings as UTF-8
 * after their length + 1 (0 is null), instants as nanos + 1 (0 is null) then epoch seconds, lists after their size.
 */
final class BinaryOut {
    private byte[] buffer;
    private int size;

    BinaryOut(int capacity) {
        buffer = new byte[capacity];
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    void writeByte(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /** 0 null, 1 false, 2 true. */
    void writeNullableBoolean(Boolean value) {
        writeByte(value == null ? 0 : value ? 2 : 1);
    }

    void writeVarInt(int value) {
        writeVarLong(value & 0xFFFFFFFFL);
    }

    void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeString(String value) {
        if (value == null) {
            writeByte(0);
            return;
        }
        int length = value.length();
        if (isAscii(value)) {
            writeVarInt(length + 1);
            ensure(length);
            for (int i = 0; i < length; i++) {
                buffer[size++] = (byte) value.charAt(i);
            }
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeVarInt(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
        }
    }

    void writeInstant(Instant value) {
        if (value == null) {
            writeByte(0);
            return;
        }
        writeVarInt(value.getNano() + 1);
        writeSignedVarLong(value.getEpochSecond());
    }

    /** Whether a nested record follows: 1, or 0 for null. */
    boolean writePresence(Object value) {
        writeByte(value == null ? 0 : 1);
        return value != null;
    }

    <T> void writeList(List<T> values, Codec<T> codec) {
        writeVarInt(values.size());
        for (T value : values) {
            codec.write(value, this);
        }
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
