package dev.rcidentity.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Turns a RingCentral token response ({@code TokenInfo}) into a {@link LoginEvent}. Shared by the poller (tokens it
 * obtains) and the ingest endpoint (tokens integrations report). Reads only non-secret fields: the access, refresh
 * and id tokens are never looked at.
 */
public final class LoginEvents {
    private LoginEvents() {
    }

    /**
     * Takes the grant type from the response's {@code grant_type} field when a reporting integration added one
     * (RingCentral's own response has none).
     *
     * @throws InvalidRecordException when {@code owner_id} is missing or not a decimal id
     */
    public static LoginEvent fromTokenResponse(JsonNode tokenResponse, String source, Instant loggedInAt,
                                               String accountId, String clientId) {
        return fromTokenResponse(tokenResponse, source, loggedInAt, accountId, clientId,
                Json.text(tokenResponse, "grant_type"));
    }

    /** As above, with the grant type the caller used. */
    public static LoginEvent fromTokenResponse(JsonNode tokenResponse, String source, Instant loggedInAt,
                                               String accountId, String clientId, String grantType) {
        if (tokenResponse == null || !tokenResponse.isObject()) {
            throw new InvalidRecordException("token response is not a JSON object");
        }
        return new LoginEvent(
                Json.text(tokenResponse, "owner_id"),
                accountId,
                loggedInAt,
                source,
                Json.text(tokenResponse, "endpoint_id"),
                Json.text(tokenResponse, "scope"),
                grantType,
                clientId);
    }

    /** The same login with the account filled in, for sources that learn the account after the token. */
    public static LoginEvent withAccountId(LoginEvent event, String accountId) {
        return new LoginEvent(event.ownerId(), accountId, event.loggedInAt(), event.source(), event.endpointId(),
                event.scope(), event.grantType(), event.clientId());
    }
}
