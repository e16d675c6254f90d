package dev.rcidentity.kafka.encoding;

/** Bytes that are not a value of the compact encoding; {@link CompactSerde} turns it into a SerializationException. */
final class MalformedValueException extends RuntimeException {
    MalformedValueException(String message) {
        super(message, null, false, false);
    }
}
