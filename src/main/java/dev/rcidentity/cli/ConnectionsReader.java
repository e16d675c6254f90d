package dev.rcidentity.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.config.SettingTypes;
import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.connections.ConnectionImport;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Json;
import dev.rcidentity.poller.ConnectionSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.rcidentity.config.SettingKeys.RC_CLIENT_ID;
import static dev.rcidentity.config.SettingKeys.RC_CLIENT_SECRET;
import static dev.rcidentity.config.SettingKeys.RC_CONNECTIONS_FILE;
import static dev.rcidentity.config.SettingKeys.RC_JWT;
import static dev.rcidentity.config.SettingKeys.RC_SERVER_URL;

/**
 * The RingCentral connections the settings describe: the one of {@code RC_CLIENT_ID}, {@code RC_CLIENT_SECRET} and
 * {@code RC_JWT}, or those of {@code RC_CONNECTIONS_FILE}. Messages name the connection and the field, never a value.
 */
final class ConnectionsReader {
    /** The name of the connection given by {@code RC_CLIENT_ID} and friends. */
    static final String ENVIRONMENT_CONNECTION = "default";
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private ConnectionsReader() {
    }

    /**
     * The configured connections, imported into {@code rc.connections.v1} at startup; empty when none is.
     * {@code RC_CLIENT_ID} and {@code RC_CLIENT_SECRET} without {@code RC_JWT} are the app's credentials for OAuth
     * onboarding, not a connection.
     */
    static List<ConnectionSettings> read(Settings settings) {
        URI defaultServer = settings.get(RC_SERVER_URL);
        Optional<Path> file = settings.find(RC_CONNECTIONS_FILE);
        if (file.isPresent() && settings.isSet(RC_JWT)) {
            throw new SettingsException("Set either " + RC_CONNECTIONS_FILE + " or " + RC_JWT + " (with " + RC_CLIENT_ID
                    + " and " + RC_CLIENT_SECRET + "), not both");
        }
        if (file.isPresent()) {
            return readFile(file.get(), defaultServer);
        }
        if (!settings.isSet(RC_JWT)) {
            if (settings.isSet(RC_CLIENT_ID) != settings.isSet(RC_CLIENT_SECRET)) {
                throw new SettingsException("The app's credentials need both " + RC_CLIENT_ID + " and "
                        + RC_CLIENT_SECRET + "; only one is set");
            }
            return List.of();
        }
        String why = "connection '" + ENVIRONMENT_CONNECTION + "' needs it";
        return List.of(new ConnectionSettings(ENVIRONMENT_CONNECTION, defaultServer,
                settings.require(RC_CLIENT_ID, why), settings.require(RC_CLIENT_SECRET, why),
                settings.require(RC_JWT, why), null));
    }

    /** The connections as the import into {@code rc.connections.v1} takes them. */
    static List<ConnectionImport.Entry> importEntries(List<ConnectionSettings> connections) {
        return connections.stream().map(c -> new ConnectionImport.Entry(c.name(), c.serverUrl().toString(), c.clientId(),
                new Secrets(c.clientSecret(), c.jwt(), c.refreshToken(), null))).toList();
    }

    /** Reads a JSON array of {@code {"name", "serverUrl"?, "clientId", "clientSecret", "jwt" | "refreshToken"}}. */
    static List<ConnectionSettings> readFile(Path file, URI defaultServer) {
        String where = RC_CONNECTIONS_FILE + " " + file;
        JsonNode root = parse(file, where);
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
                    server == null ? defaultServer : SettingTypes.httpUrl(server, entryWhere + ": serverUrl"),
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

    private static JsonNode parse(Path file, String where) {
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new SettingsException(where + ": file not found or not readable");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SettingsException(where + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the offending text, which can be a credential: only the location goes out.
            var location = e.getLocation();
            throw new SettingsException(where + ": not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new SettingsException(where + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
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
        if (value == null || value.isBlank()) {
            throw new SettingsException(where + ": " + field + " is missing");
        }
        return value;
    }
}
