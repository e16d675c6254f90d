package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.poller.PollerOptions;
import dev.rcidentity.poller.SweepPacing;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.topology.TopologyOptions;
import dev.rcidentity.connections.CredentialKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsFromSettingsTest {
    private static final Settings NONE = Settings.of(Map.of());

    @Test
    void defaultsAreThoseOfTheParts() {
        assertEquals(PollerOptions.DEFAULT_POLL_INTERVAL, OptionsFromSettings.poller(NONE).pollInterval());
        assertEquals(SweepPacing.DEFAULT, OptionsFromSettings.sweepPacing(NONE));
        assertEquals(TopologyOptions.DEFAULT_HISTORY_RETENTION, NONE.get(SettingKeys.STORE_HISTORY_RETENTION));
        SimulatorOptions simulator = OptionsFromSettings.simulator(NONE);
        assertEquals(SimulatorOptions.defaults().accounts(), simulator.accounts());
        assertEquals(SimulatorOptions.defaults().extensionsPerAccount(), simulator.extensionsPerAccount());
        assertEquals(Duration.ofMinutes(1), simulator.autoTickInterval());
        assertEquals(new StreamsOptions("rc-identity", Path.of("./data/state"), "127.0.0.1:8080", 1),
                OptionsFromSettings.streams(NONE));
        assertEquals(new OptionsFromSettings.ApiOptions("127.0.0.1", 8080, null), OptionsFromSettings.api(NONE));
    }

    @Test
    void eachPartGetsWhatTheSettingsSay() {
        Settings settings = Settings.of(Map.of("POLL_INTERVAL", "PT1M", "SIMULATOR_ACCOUNTS", "5",
                "SIMULATOR_EXTENSIONS", "40", "HTTP_HOST", "10.0.0.2", "HTTP_PORT", "9000", "API_TOKEN", "t",
                "STATE_DIR", "/s", "APPLICATION_ID", "app", "NUM_STANDBY_REPLICAS", "0"));
        assertEquals(Duration.ofMinutes(1), OptionsFromSettings.poller(settings).pollInterval());
        assertEquals(32, OptionsFromSettings.sweepPacing(settings.with(SettingKeys.POLLER_MAX_CONCURRENT_SWEEPS, "32"))
                .maxConcurrentSweeps());
        assertEquals(5, OptionsFromSettings.simulator(settings).accounts());
        assertEquals(40, OptionsFromSettings.simulator(settings).extensionsPerAccount());
        assertEquals(new StreamsOptions("app", Path.of("/s"), "10.0.0.2:9000", 0), OptionsFromSettings.streams(settings));
        assertEquals(new OptionsFromSettings.ApiOptions("10.0.0.2", 9000, "t"), OptionsFromSettings.api(settings));
        assertEquals("h:1", OptionsFromSettings.streams(settings.with(SettingKeys.APPLICATION_SERVER, "h:1"))
                .applicationServer());
    }

    @Test
    void outOfRangeValuesAreSettingsErrors() {
        assertThrows(SettingsException.class,
                () -> OptionsFromSettings.simulator(Settings.of(Map.of("SIMULATOR_ACCOUNTS", "0"))));
        assertThrows(SettingsException.class, () -> OptionsFromSettings.simulator(
                Settings.of(Map.of("SIMULATOR_ACCOUNTS", String.valueOf(SimulatorOptions.MAX_ACCOUNTS + 1)))));
        assertNull(OptionsFromSettings.api(NONE).apiToken());
        for (String bad : new String[]{"0", "257", "eight"}) {
            SettingsException e = assertThrows(SettingsException.class, () -> OptionsFromSettings.sweepPacing(
                    Settings.of(Map.of("POLLER_MAX_CONCURRENT_SWEEPS", bad))));
            assertTrue(e.getMessage().startsWith("POLLER_MAX_CONCURRENT_SWEEPS must be"), e.getMessage());
        }
    }

    @Test
    void credentialKeysComeFromTheKeyOrItsFileWithTheOldKeysForReading(@TempDir Path dir) throws Exception {
        assertTrue(OptionsFromSettings.credentialKeys(NONE).isEmpty());
        String current = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] oldKey = new byte[32];
        oldKey[0] = 1;
        CredentialKeys keys = OptionsFromSettings.credentialKeys(Settings.of(Map.of("CREDENTIALS_KEY", current,
                "CREDENTIALS_OLD_KEYS", Base64.getEncoder().encodeToString(oldKey)))).orElseThrow();
        assertEquals(CredentialKeys.keyId(new byte[32]), keys.currentKeyId());
        assertEquals(java.util.List.of(CredentialKeys.keyId(new byte[32]), CredentialKeys.keyId(oldKey)), keys.keyIds());

        Path file = dir.resolve("key");
        Files.writeString(file, current);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(keys.currentKeyId(), OptionsFromSettings.credentialKeys(
                Settings.of(Map.of("CREDENTIALS_KEY_FILE", file.toString()))).orElseThrow().currentKeyId());
        SettingsException onlyOld = assertThrows(SettingsException.class, () -> OptionsFromSettings.credentialKeys(
                Settings.of(Map.of("CREDENTIALS_OLD_KEYS", current))));
        assertTrue(onlyOld.getMessage().contains("CREDENTIALS_KEY"), onlyOld.getMessage());
        SettingsException missing = assertThrows(SettingsException.class,
                () -> OptionsFromSettings.requireCredentialKeys(NONE, "because"));
        assertTrue(missing.getMessage().contains("CREDENTIALS_KEY_FILE"), missing.getMessage());
    }

    @Test
    void theDemoCreatesItsKeyFileOnceOwnerOnlyAndSaysSo(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        Settings settings = Settings.of(Map.of("DATA_DIR", dir.toString()));
        Settings first = DemoOnboarding.prepare(settings, null, console);
        Path file = dir.resolve(DemoOnboarding.KEY_FILE).toAbsolutePath();
        assertEquals(file.toString(), first.find(SettingKeys.CREDENTIALS_KEY_FILE).orElseThrow().toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Created the credentials key " + file), out.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String key = Files.readString(file);
        String keyId = OptionsFromSettings.credentialKeys(first).orElseThrow().currentKeyId();

        out.reset();
        Settings second = DemoOnboarding.prepare(settings, null, console);
        assertEquals(key, Files.readString(file), "created once");
        assertEquals(keyId, OptionsFromSettings.credentialKeys(second).orElseThrow().currentKeyId());
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("Created"), out.toString());
    }
}
