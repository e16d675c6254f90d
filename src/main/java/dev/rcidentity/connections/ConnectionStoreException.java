package dev.rcidentity.connections;

/** {@code rc.connections.v1} could not be read or did not acknowledge a write; names the connection, no secret. */
public class ConnectionStoreException extends RuntimeException {
    public ConnectionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
