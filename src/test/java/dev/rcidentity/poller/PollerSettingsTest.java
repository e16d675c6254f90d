package dev.rcidentity.poller;

import dev.rcidentity.kafka.Settings;
import dev.rcidentity.kafka.SettingsException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollerSettingsTest {
    @Test
    void buildsFromTheSettingsWithoutTouchingTheNetwork() {
        try (Poller poller = Poller.fromSettings(Settings.of(Map.of(
                "RC_CLIENT_ID", "app", "RC_CLIENT_SECRET", "x", "RC_JWT", "y",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "POLL_INTERVAL", "PT1M")), Clock.systemUTC())) {
            assertEquals(List.of("default"), poller.connectionNames());
        }
    }

    @Test
    void noConnectionIsASettingsError() {
        SettingsException e = assertThrows(SettingsException.class, () -> Poller.fromSettings(
                Settings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("RC_CONNECTIONS_FILE"), e.getMessage());
    }

    @Test
    void noKafkaIsASettingsError() {
        assertThrows(SettingsException.class, () -> Poller.fromSettings(Settings.of(Map.of(
                "RC_CLIENT_ID", "app", "RC_CLIENT_SECRET", "x", "RC_JWT", "y")), Clock.systemUTC()));
    }
}
