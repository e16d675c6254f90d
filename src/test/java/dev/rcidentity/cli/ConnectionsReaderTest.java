package dev.rcidentity.cli;

import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.poller.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionsReaderTest {
    private static final String SECRET = "s3cr3t-value-never-shown";

    @TempDir
    Path dir;

    @Test
    void oneConnectionFromTheEnvironmentOnTheDefaultServer() {
        List<ConnectionSettings> connections = ConnectionsReader.read(Settings.of(Map.of(
                "RC_CLIENT_ID", "app", "RC_CLIENT_SECRET", SECRET, "RC_JWT", "eyJ.x.y")));
        assertEquals(1, connections.size());
        ConnectionSettings c = connections.get(0);
        assertEquals("default", c.name());
        assertEquals(URI.create("https://platform.ringcentral.com"), c.serverUrl());
        assertEquals("eyJ.x.y", c.jwt());
        assertNull(c.refreshToken());
        assertFalse(c.toString().contains(SECRET));
        assertFalse(c.toString().contains("eyJ"));
    }

    @Test
    void noneConfiguredIsAnEmptyList() {
        assertTrue(ConnectionsReader.read(Settings.of(Map.of())).isEmpty());
    }

    @Test
    void aMissingSecretNamesTheConnectionAndTheSetting() {
        SettingsException e = assertThrows(SettingsException.class, () -> ConnectionsReader.read(
                Settings.of(Map.of("RC_CLIENT_ID", "app", "RC_JWT", "eyJ.x.y"))));
        assertTrue(e.getMessage().contains("'default'") && e.getMessage().contains("RC_CLIENT_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("eyJ"));
    }

    @Test
    void manyConnectionsFromTheFile() throws IOException {
        Path file = write("""
                [{"name": "a", "clientId": "app", "clientSecret": "%s", "jwt": "eyJ.a"},
                 {"name": "b", "serverUrl": "http://127.0.0.1:9", "clientId": "app", "clientSecret": "%s",
                  "refreshToken": "r-b"}]""".formatted(SECRET, SECRET));
        List<ConnectionSettings> connections = ConnectionsReader.read(Settings.of(Map.of(
                "RC_CONNECTIONS_FILE", file.toString(), "RC_SERVER_URL", "https://other.example")));
        assertEquals(List.of("a", "b"), connections.stream().map(ConnectionSettings::name).toList());
        assertEquals(URI.create("https://other.example"), connections.get(0).serverUrl());
        assertEquals(URI.create("http://127.0.0.1:9"), connections.get(1).serverUrl());
        assertEquals("r-b", connections.get(1).refreshToken());
        assertNull(connections.get(1).jwt());
    }

    @Test
    void fileErrorsNameTheConnectionAndFieldNeverAValue() throws IOException {
        assertFileError("[{\"name\": \"a\", \"clientId\": \"app\", \"jwt\": \"eyJ.a\"}]", "('a'): clientSecret is missing");
        assertFileError("[{\"name\": \"a\", \"clientId\": \"app\", \"clientSecret\": \"" + SECRET + "\"}]",
                "'a': needs a jwt or a refreshToken");
        assertFileError("[{\"clientId\": \"app\", \"clientSecret\": \"" + SECRET + "\", \"jwt\": \"j\"}]",
                "connection #1: name is missing");
        assertFileError("[{\"name\": \"a\", \"clientId\": \"app\", \"clientSecret\": \"" + SECRET + "\", \"jwt\": \"j\"},"
                + "{\"name\": \"a\", \"clientId\": \"app\", \"clientSecret\": \"" + SECRET + "\", \"jwt\": \"j\"}]",
                "used twice");
        assertFileError("[{\"name\": \"a\", \"clientId\": \"app\", \"clientSecret\": \"" + SECRET + "\" \"jwt\": 1}]",
                "not valid JSON (line 1");
        assertFileError("{\"name\": \"a\"}", "expected a JSON array");
        assertFileError("[]", "holds no connection");
    }

    @Test
    void theFileAndTheEnvironmentConnectionExcludeEachOther() throws IOException {
        Path file = write("[]");
        assertThrows(SettingsException.class, () -> ConnectionsReader.read(Settings.of(Map.of(
                "RC_CONNECTIONS_FILE", file.toString(), "RC_CLIENT_ID", "app", "RC_CLIENT_SECRET", SECRET,
                "RC_JWT", "eyJ.x.y"))));
    }

    @Test
    void theAppsCredentialsWithoutAJwtAreNoConnectionAndMayStandBesideTheFile() throws IOException {
        assertTrue(ConnectionsReader.read(Settings.of(Map.of("RC_CLIENT_ID", "app", "RC_CLIENT_SECRET", SECRET)))
                .isEmpty());
        Path file = write("""
                [{"name": "a", "clientId": "app", "clientSecret": "%s", "jwt": "eyJ.a"}]""".formatted(SECRET));
        assertEquals(1, ConnectionsReader.read(Settings.of(Map.of("RC_CONNECTIONS_FILE", file.toString(),
                "RC_CLIENT_ID", "app", "RC_CLIENT_SECRET", SECRET))).size());
        SettingsException half = assertThrows(SettingsException.class, () -> ConnectionsReader.read(
                Settings.of(Map.of("RC_CLIENT_ID", "app"))));
        assertTrue(half.getMessage().contains("RC_CLIENT_SECRET"), half.getMessage());
    }

    @Test
    void aMissingFileIsReported() {
        SettingsException e = assertThrows(SettingsException.class, () -> ConnectionsReader.read(
                Settings.of(Map.of("RC_CONNECTIONS_FILE", dir.resolve("absent.json").toString()))));
        assertTrue(e.getMessage().contains("RC_CONNECTIONS_FILE"), e.getMessage());
    }

    private void assertFileError(String json, String expected) throws IOException {
        Path file = write(json);
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConnectionsReader.readFile(file, URI.create("https://platform.ringcentral.com")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "connections", ".json"), content);
    }
}
