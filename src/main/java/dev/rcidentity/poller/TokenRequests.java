package dev.rcidentity.poller;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests to RingCentral's OAuth endpoints: a form body and the app's Basic client authentication. */
final class TokenRequests {
    private TokenRequests() {
    }

    static HttpRequest post(RingCentralHttp http, Endpoint endpoint, ConnectionSettings connection,
                            Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString(
                (connection.clientId() + ":" + connection.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return http.request(endpoint.path())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
