package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;

/** The authenticated RingCentral calls a sweep makes. */
final class RingCentralClient {
    static final int PER_PAGE = 1000;

    private final RingCentralHttp http;
    private final TokenManager tokens;

    RingCentralClient(RingCentralHttp http, TokenManager tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    JsonNode accountInfo() throws InterruptedException {
        return get(Endpoint.ACCOUNT_INFO, Endpoint.ACCOUNT_INFO.path());
    }

    JsonNode businessAddress() throws InterruptedException {
        return get(Endpoint.BUSINESS_ADDRESS, Endpoint.BUSINESS_ADDRESS.path());
    }

    /** The first page of the extension list: every status and type (no filter), the largest page size. */
    static String firstExtensionPage() {
        return Endpoint.EXTENSION_LIST.path() + "?page=1&perPage=" + PER_PAGE;
    }

    /** One extension of the account by id (Light); {@link RingCentralApiException} 404 when it does not exist. */
    JsonNode extension(String extensionId) throws InterruptedException {
        return get(Endpoint.EXTENSION, Endpoint.EXTENSION.path() + extensionId);
    }

    /** One page of the extension list, read by {@code reader} as it streams in (no tree of the whole page). */
    <T> T extensionPage(String pathAndQuery, RingCentralHttp.ObjectReader<T> reader) throws InterruptedException {
        return authorizedCall("GET", pathAndQuery, null,
                request -> http.send(Endpoint.EXTENSION_LIST, request, reader));
    }

    private JsonNode get(Endpoint endpoint, String pathAndQuery) throws InterruptedException {
        return call(endpoint, "GET", pathAndQuery, null);
    }

    /** An authorized call; {@code body}: JSON, or null for none. A 204 (or any empty 2xx) answers an empty object. */
    JsonNode call(Endpoint endpoint, String method, String pathAndQuery, JsonNode body) throws InterruptedException {
        return authorizedCall(method, pathAndQuery, body, request -> send(endpoint, request));
    }

    private interface Sender<T> {
        T send(HttpRequest request) throws InterruptedException;
    }

    private <T> T authorizedCall(String method, String pathAndQuery, JsonNode body, Sender<T> sender)
            throws InterruptedException {
        String token = tokens.accessToken();
        try {
            return sender.send(authorized(method, pathAndQuery, body, token));
        } catch (RingCentralApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            // Revoked or expired early: one more try with a fresh token.
            tokens.invalidate(token);
            return sender.send(authorized(method, pathAndQuery, body, tokens.accessToken()));
        }
    }

    private JsonNode send(Endpoint endpoint, HttpRequest request) throws InterruptedException {
        if ("DELETE".equals(request.method())) {
            http.sendIgnoringBody(endpoint, request);
            return dev.rcidentity.model.Json.MAPPER.createObjectNode();
        }
        return http.send(endpoint, request);
    }

    private HttpRequest authorized(String method, String pathAndQuery, JsonNode body, String token) {
        HttpRequest.Builder request = http.request(pathAndQuery).header("Authorization", "Bearer " + token);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
