package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.Settings;
import dev.rcidentity.kafka.SettingsException;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One RingCentral connection: an app's client credentials and a user's credential (a JWT, or a refresh token).
 * When both are given, the refresh token is used first and the JWT is the fallback. {@link #toString()} shows no
 * credential; error messages name the connection and the field, never a value.
 */
public record ConnectionSettings(String name, URI serverUrl, String clientId, String clientSecret, String jwt,
                                 String refreshToken) {

    public static final String RC_SERVER_URL = "rc.server.url";
    public static final String RC_CLIENT_ID = "rc.client.id";
    public static final String RC_CLIENT_SECRET = "rc.client.secret";
    public static final String RC_JWT = "rc.jwt";
    public static final String RC_CONNECTIONS_FILE = "rc.connections.file";
    public static final String DEFAULT_SERVER_URL = "https://platform.ringcentral.com";
    /** The name of the connection given by {@code RC_CLIENT_ID} and friends. */
    public static final String ENVIRONMENT_CONNECTION = "default";

    private static final long MAX_FILE_BYTES = 1024 * 1024;

    public ConnectionSettings {
        String where = "connection '" + name + "'";
        requireText(name, "connection", "name");
        requireText(clientId, where, "clientId");
        requireText(clientSecret, where, "clientSecret");
        if (isBlank(jwt) && isBlank(refreshToken)) {
            throw new SettingsException(where + ": needs a jwt or a refreshToken, it has neither");
        }
        if (serverUrl == null) {
            throw new SettingsException(where + ": serverUrl is missing");
        }
        jwt = isBlank(jwt) ? null : jwt;
        refreshToken = isBlank(refreshToken) ? null : refreshToken;
    }

    /**
     * The connections {@code settings} describe: the one of {@code RC_CLIENT_ID}, {@code RC_CLIENT_SECRET},
     * {@code RC_JWT}, or those of {@code RC_CONNECTIONS_FILE}; empty when neither is set.
     */
    public static List<ConnectionSettings> fromSettings(Settings settings) {
        URI defaultServer = serverUrl(settings.get(RC_SERVER_URL, DEFAULT_SERVER_URL), Settings.envName(RC_SERVER_URL));
        Optional<String> file = settings.get(RC_CONNECTIONS_FILE);
        boolean single = settings.get(RC_CLIENT_ID).isPresent() || settings.get(RC_CLIENT_SECRET).isPresent()
                || settings.get(RC_JWT).isPresent();
        if (file.isPresent() && single) {
            throw new SettingsException("Set either " + Settings.envName(RC_CONNECTIONS_FILE) + " or "
                    + Settings.envName(RC_CLIENT_ID) + "/" + Settings.envName(RC_CLIENT_SECRET) + "/"
                    + Settings.envName(RC_JWT) + ", not both");
        }
        if (file.isPresent()) {
            return readFile(Path.of(file.get()), defaultServer);
        }
        if (!single) {
            return List.of();
        }
        String where = "connection '" + ENVIRONMENT_CONNECTION + "'";
        return List.of(new ConnectionSettings(ENVIRONMENT_CONNECTION, defaultServer,
                require(settings, RC_CLIENT_ID, where), require(settings, RC_CLIENT_SECRET, where),
                require(settings, RC_JWT, where), null));
    }

    /** Reads a JSON array of {@code {"name", "serverUrl"?, "clientId", "clientSecret", "jwt" | "refreshToken"}}. */
    public static List<ConnectionSettings> readFile(Path file, URI defaultServer) {
        String where = Settings.envName(RC_CONNECTIONS_FILE) + " " + file;
        JsonNode root;
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new SettingsException(where + ": file not found or not readable");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SettingsException(where + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            root = Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the offending text, which can be a credential: only the location goes out.
            var location = e.getLocation();
            throw new SettingsException(where + ": not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new SettingsException(where + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isArray()) {
            throw new SettingsException(where + ": expected a JSON array of connections");
        }
        List<ConnectionSettings> connections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String position = where + ": connection #" + (i + 1);
            if (!entry.isObject()) {
                throw new SettingsException(position + ": expected a JSON object");
            }
            String entryName = text(entry, "name", position);
            String entryWhere = entryName == null ? position : position + " ('" + entryName + "')";
            requireText(entryName, entryWhere, "name");
            if (!names.add(entryName)) {
                throw new SettingsException(entryWhere + ": the name is used twice");
            }
            String server = text(entry, "serverUrl", entryWhere);
            connections.add(new ConnectionSettings(entryName,
                    server == null ? defaultServer : serverUrl(server, entryWhere + ": serverUrl"),
                    requireText(text(entry, "clientId", entryWhere), entryWhere, "clientId"),
                    requireText(text(entry, "clientSecret", entryWhere), entryWhere, "clientSecret"),
                    text(entry, "jwt", entryWhere),
                    text(entry, "refreshToken", entryWhere)));
        }
        if (connections.isEmpty()) {
            throw new SettingsException(where + ": the array holds no connection");
        }
        return List.copyOf(connections);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[name=" + name + ", serverUrl=" + serverUrl + ", clientId=" + clientId + "]";
    }

    private static URI serverUrl(String value, String what) {
        try {
            URI uri = new URI(value.trim());
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new SettingsException(what + " must be an http(s) URL such as " + DEFAULT_SERVER_URL);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException(what + " must be an http(s) URL such as " + DEFAULT_SERVER_URL);
        }
    }

    private static String require(Settings settings, String key, String where) {
        return settings.get(key).filter(v -> !isBlank(v)).orElseThrow(() -> new SettingsException(
                where + ": " + Settings.envName(key) + " is not set"));
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SettingsException(where + ": " + field + " must be a string");
        }
        return value.asText();
    }

    private static String requireText(String value, String where, String field) {
        if (isBlank(value)) {
            throw new SettingsException(where + ": " + field + " is missing");
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
