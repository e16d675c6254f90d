package dev.rcidentity.poller;

/**
 * A rotated refresh token could not be stored in {@code rc.connections.v1}: the connection does not sweep until it
 * is. The message names the connection, never the token.
 */
public class CredentialNotDurableException extends RuntimeException {
    public CredentialNotDurableException(String message, Throwable cause) {
        super(message, cause);
    }
}
