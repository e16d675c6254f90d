package dev.rcidentity.model;

/**
 * A connection's secrets as stored: {@code ciphertext} (with its authentication tag) and {@code nonce} are base64;
 * {@code keyId} names the key that encrypted them, so keys can rotate. Only the connections package can open it.
 */
public record EncryptedCredential(String keyId, String algorithm, String nonce, String ciphertext) {

    public EncryptedCredential {
        require(keyId, "keyId");
        require(algorithm, "algorithm");
        require(nonce, "nonce");
        require(ciphertext, "ciphertext");
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException("Connection credential without " + field);
        }
    }

    /** Names the key, never the content. */
    @Override
    public String toString() {
        return "EncryptedCredential[keyId=" + keyId + ", algorithm=" + algorithm + "]";
    }
}
