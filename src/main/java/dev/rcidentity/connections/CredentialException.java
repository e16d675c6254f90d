package dev.rcidentity.connections;

/**
 * A stored credential cannot be opened: unknown key id, wrong key, altered record or unsupported algorithm. The
 * message names the connection and the key id, never a secret; the caller marks that connection REJECTED with it.
 */
public class CredentialException extends RuntimeException {
    private final String connectionId;
    private final String keyId;

    public CredentialException(String connectionId, String keyId, String problem) {
        super("Cannot decrypt the credential of connection " + connectionId + " (key id " + keyId + "): " + problem);
        this.connectionId = connectionId;
        this.keyId = keyId;
    }

    public String connectionId() {
        return connectionId;
    }

    public String keyId() {
        return keyId;
    }
}
