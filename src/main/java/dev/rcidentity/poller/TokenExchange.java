package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One grant at RingCentral's token endpoint for a connection: posts the form with the app's client authentication,
 * tells a refused credential (400/401, {@link CredentialRejectedException}: retrying will not help) from other
 * failures, and answers only a response that holds an access token. Keeps no token: {@link TokenManager} does.
 */
final class TokenExchange {
    private final ConnectionSettings connection;
    private final RingCentralHttp http;
    private final LongSupplier nanoTime;

    TokenExchange(ConnectionSettings connection, RingCentralHttp http, LongSupplier nanoTime) {
        this.connection = connection;
        this.http = http;
        this.nanoTime = nanoTime;
    }

    TokenResponse post(Map<String, String> form) throws InterruptedException {
        HttpRequest request = TokenRequests.post(http, Endpoint.TOKEN, connection, form);
        JsonNode response;
        try {
            response = http.send(Endpoint.TOKEN, request);
        } catch (RingCentralApiException e) {
            if (e.status() == 400 || e.status() == 401) {
                throw new CredentialRejectedException(e.getMessage(), e.status(), e.errorCode());
            }
            throw e;
        }
        TokenResponse answer = new TokenResponse(response, nanoTime.getAsLong());
        String access = answer.accessToken();
        if (access == null || access.isEmpty()) {
            throw new RingCentralApiException(RingCentralHttp.describe(request) + ": answer without an access token",
                    200, null);
        }
        return answer;
    }
}
