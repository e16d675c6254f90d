package dev.rcidentity.model;

import java.time.Instant;

/**
 * One login: a token issued for {@code ownerId}. Carries no token or secret, only who, when and how.
 * {@code accountId} is null when the source did not say.
 */
public record LoginEvent(
        String ownerId,
        String accountId,
        Instant loggedInAt,
        String source,
        String endpointId,
        String scope,
        String grantType,
        String clientId) {

    public static final String SOURCE_POLLER = "poller";
    public static final String SOURCE_INGEST = "ingest";
    /** A connection onboarded through RingCentral's OAuth: the user who consented. */
    public static final String SOURCE_CONNECT = "connect";

    public LoginEvent {
        Ids.require(ownerId, "LoginEvent", "ownerId");
        accountId = Ids.optional(accountId, "LoginEvent", "accountId");
    }
}
