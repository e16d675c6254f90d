package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client for the tests: it speaks the wire format by hand, like any RingCentral client would. */
final class SimClient {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RingCentralSimulator simulator;

    SimClient(RingCentralSimulator simulator) {
        this.simulator = simulator;
    }

    record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Response token(Map<String, String> form) {
        SimulatorCredentials app = simulator.appCredentials();
        return token(app.clientId(), app.clientSecret(), form);
    }

    Response token(String clientId, String clientSecret, Map<String, String> form) {
        return postForm("/restapi/oauth/token", clientId, clientSecret, form);
    }

    /** A form POST with Basic client authentication, as the token and revoke endpoints want. */
    Response postForm(String path, String clientId, String clientSecret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        return send(request);
    }

    Response revoke(String token) {
        SimulatorCredentials app = simulator.appCredentials();
        return postForm("/restapi/oauth/revoke", app.clientId(), app.clientSecret(), Map.of("token", token));
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Response jwtGrant(String jwt) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.put("assertion", jwt);
        return token(form);
    }

    Response refreshGrant(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** An access token for the account's admin. */
    String adminToken(String accountId) {
        Response response = jwtGrant(simulator.adminJwt(accountId));
        if (response.status() != 200) {
            throw new AssertionError("token grant failed: " + response.status() + " " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    Response get(String pathOrUri, String accessToken) {
        return get(pathOrUri, accessToken, Duration.ofSeconds(30));
    }

    Response get(String pathOrUri, String accessToken, Duration timeout) {
        URI uri = pathOrUri.startsWith("http") ? URI.create(pathOrUri) : simulator.baseUrl().resolve(pathOrUri);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return send(builder.build());
    }

    /** A call with a bearer token and an optional JSON body (null sends none). */
    Response call(String method, String path, String accessToken, String json) {
        HttpRequest request = HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = sendRaw(request);
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            } catch (IOException e) {
                // left null: the caller checks malformed bodies through body()
            }
            return new Response(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    HttpResponse<String> sendRaw(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
