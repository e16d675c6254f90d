package dev.rcidentity.connections;

/** A credentials key setting is missing or malformed. The message names the setting or file, never the key. */
public class CredentialKeyException extends RuntimeException {
    public CredentialKeyException(String message) {
        super(message);
    }

    public CredentialKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
