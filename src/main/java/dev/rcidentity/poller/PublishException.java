package dev.rcidentity.poller;

/** Kafka did not acknowledge a record: the sweep fails and the record counts as not published. */
public class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
