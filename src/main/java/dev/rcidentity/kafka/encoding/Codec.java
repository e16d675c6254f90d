package dev.rcidentity.kafka.encoding;

/** The compact encoding of one type: fields in a fixed order, through the primitives of {@link BinaryOut}. */
interface Codec<T> {
    void write(T value, BinaryOut out);

    T read(BinaryIn in);

    /** A nullable nested value: a presence byte, then the value. */
    default void writeNullable(T value, BinaryOut out) {
        if (out.writePresence(value)) {
            write(value, out);
        }
    }

    default T readNullable(BinaryIn in) {
        return in.readPresence() ? read(in) : null;
    }
}
