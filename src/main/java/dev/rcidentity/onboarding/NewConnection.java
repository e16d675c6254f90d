package dev.rcidentity.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * The body of {@code POST /v1/connections}: {@code {name, serverUrl?, clientId, clientSecret, jwt | refreshToken}}.
 * Holds secrets: {@code toString} shows none.
 */
public record NewConnection(String name, URI serverUrl, String clientId, String clientSecret, String jwt,
                            String refreshToken) {
    private static final int MAX_CLIENT_ID = 256;
    private static final int MAX_URL = 2_048;

    /**
     * @param defaultServer the server when the body names none ({@code RC_SERVER_URL})
     * @throws IllegalArgumentException whose message names the field that is missing or malformed
     */
    public static NewConnection parse(byte[] body, URI defaultServer) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object: "
                    + "{\"name\", \"serverUrl\"?, \"clientId\", \"clientSecret\", \"jwt\" | \"refreshToken\"}");
        }
        String name = ConnectionNames.check(string(node, "name", Connection.MAX_NAME_LENGTH * 4));
        String server = string(node, "serverUrl", MAX_URL);
        String clientId = required(node, "clientId", MAX_CLIENT_ID);
        String clientSecret = required(node, "clientSecret", Secrets.MAX_LENGTH);
        String jwt = string(node, "jwt", Secrets.MAX_LENGTH);
        String refreshToken = string(node, "refreshToken", Secrets.MAX_LENGTH);
        if ((jwt == null) == (refreshToken == null)) {
            throw new IllegalArgumentException(jwt == null
                    ? "jwt or refreshToken is missing: give the credential, one of the two"
                    : "jwt and refreshToken are both given: give one of the two");
        }
        return new NewConnection(name, server == null ? defaultServer : serverUrl(server), clientId, clientSecret, jwt,
                refreshToken);
    }

    public String grantType() {
        return jwt != null ? Connection.GRANT_JWT : Connection.GRANT_REFRESH_TOKEN;
    }

    private static String required(JsonNode node, String field, int maxLength) {
        String value = string(node, field, maxLength);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** A string field, null when absent, null or empty. */
    private static String string(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return text.isBlank() ? null : text.strip();
    }

    /** An absolute http(s) URL naming a host, without credentials, query or fragment. */
    static URI serverUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("serverUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("serverUrl must be an absolute http(s) URL without credentials, query "
                    + "or fragment, such as https://platform.ringcentral.com");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "NewConnection[name=" + name + ", serverUrl=" + serverUrl + ", clientId=" + clientId + ", grantType="
                + grantType() + ", secrets redacted]";
    }
}
