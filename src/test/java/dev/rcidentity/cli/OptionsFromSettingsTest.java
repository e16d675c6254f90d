package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.poller.PollerOptions;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.topology.TopologyOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionsFromSettingsTest {
    private static final Settings NONE = Settings.of(Map.of());

    @Test
    void defaultsAreThoseOfTheParts() {
        assertEquals(PollerOptions.DEFAULT_POLL_INTERVAL, OptionsFromSettings.poller(NONE).pollInterval());
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
    }
}
