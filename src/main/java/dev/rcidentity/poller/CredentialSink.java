package dev.rcidentity.poller;

/** Where a connection's rotated refresh token is kept before the access token that came with it may be used. */
@FunctionalInterface
interface CredentialSink {
    /** Kept in memory only: for connections whose durable credential is not a refresh token (tests, the bench). */
    CredentialSink IN_MEMORY = refreshToken -> {
    };

    /**
     * Stores {@code refreshToken}, which replaced the one just presented (that one no longer works).
     *
     * @throws CredentialNotDurableException when it could not be stored; the caller holds the access token back
     */
    void rotated(String refreshToken) throws InterruptedException;
}
