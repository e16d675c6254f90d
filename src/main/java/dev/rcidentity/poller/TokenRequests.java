package dev.rcidentity.poller;

import dev.rcidentity.connections.OAuthRequests;

import java.net.http.HttpRequest;
import java.util.Map;

/** Requests to RingCentral's OAuth endpoints: a form body and the app's Basic client authentication. */
final class TokenRequests {
    private TokenRequests() {
    }

    static HttpRequest post(RingCentralHttp http, Endpoint endpoint, ConnectionSettings connection,
                            Map<String, String> form) {
        return http.request(endpoint.path())
                .header("Authorization", OAuthRequests.basicAuthorization(connection.clientId(), connection.clientSecret()))
                .header("Content-Type", OAuthRequests.FORM_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(OAuthRequests.formBody(form)))
                .build();
    }
}
