package dev.rcidentity.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/**
 * One RingCentral connection as {@code rc.connections.v1} holds it. {@code accountId} and {@code ownerId} are null
 * until the first token exchange names them. The client secret, JWT or refresh token and webhook verification token
 * travel only inside {@code credential}, encrypted with the connectionId as associated data.
 */
public record Connection(
        String connectionId,
        String name,
        String serverUrl,
        String clientId,
        String grantType,
        String accountId,
        String ownerId,
        String status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt,
        EncryptedCredential credential) {

    public static final String GRANT_JWT = "jwt";
    public static final String GRANT_REFRESH_TOKEN = "refresh_token";
    public static final String ACTIVE = "ACTIVE";
    public static final String REJECTED = "REJECTED";
    public static final String DISABLED = "DISABLED";
    public static final int MAX_NAME_LENGTH = 100;
    private static final Set<String> GRANTS = Set.of(GRANT_JWT, GRANT_REFRESH_TOKEN);
    private static final Set<String> STATUSES = Set.of(ACTIVE, REJECTED, DISABLED);
    private static final String RECORD = "Connection";

    public Connection {
        Ids.require(connectionId, RECORD, "connectionId");
        require(name, "name");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRecordException(RECORD + " name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        require(serverUrl, "serverUrl");
        require(clientId, "clientId");
        oneOf(grantType, GRANTS, "grantType");
        accountId = Ids.optional(accountId, RECORD, "accountId");
        ownerId = Ids.optional(ownerId, RECORD, "ownerId");
        oneOf(status, STATUSES, "status");
        if (createdAt == null) {
            throw new InvalidRecordException(RECORD + " without createdAt");
        }
        if (updatedAt == null) {
            throw new InvalidRecordException(RECORD + " without updatedAt");
        }
        if (credential == null) {
            throw new InvalidRecordException(RECORD + " without credential");
        }
    }

    /** A fresh connectionId: a random positive decimal 63-bit id, like the contract's other keys. */
    public static String newId(SecureRandom random) {
        return Long.toString(random.nextLong() & Long.MAX_VALUE | 1L << 60);
    }

    public Connection withCredential(EncryptedCredential newCredential, Instant at) {
        return new Connection(connectionId, name, serverUrl, clientId, grantType, accountId, ownerId, status,
                statusReason, createdAt, at, newCredential);
    }

    public Connection withStatus(String newStatus, String reason, Instant at) {
        return new Connection(connectionId, name, serverUrl, clientId, grantType, accountId, ownerId, newStatus,
                reason, createdAt, at, credential);
    }

    public Connection withOwner(String newAccountId, String newOwnerId, Instant at) {
        return new Connection(connectionId, name, serverUrl, clientId, grantType, newAccountId, newOwnerId, status,
                statusReason, createdAt, at, credential);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(RECORD + " without " + field);
        }
    }

    private static void oneOf(String value, Set<String> allowed, String field) {
        require(value, field);
        if (!allowed.contains(value)) {
            throw new InvalidRecordException(RECORD + " has an unknown " + field + " '" + Ids.abbreviate(value)
                    + "' (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
    }
}
