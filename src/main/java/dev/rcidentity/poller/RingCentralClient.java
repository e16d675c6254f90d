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

    JsonNode extensionPage(String pathAndQuery) throws InterruptedException {
        return get(Endpoint.EXTENSION_LIST, pathAndQuery);
    }

    private JsonNode get(Endpoint endpoint, String pathAndQuery) throws InterruptedException {
        String token = tokens.accessToken();
        try {
            return http.send(endpoint, authorized(pathAndQuery, token));
        } catch (RingCentralApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            // Revoked or expired early: one more try with a fresh token.
            tokens.invalidate(token);
            return http.send(endpoint, authorized(pathAndQuery, tokens.accessToken()));
        }
    }

    private HttpRequest authorized(String pathAndQuery, String token) {
        return http.request(pathAndQuery).header("Authorization", "Bearer " + token).GET().build();
    }
}
