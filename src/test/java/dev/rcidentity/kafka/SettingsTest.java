package dev.rcidentity.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rc.properties");
        Files.writeString(file, "http.port=7000\nhttp.host=0.0.0.0\npoll.interval=PT1M\n");
        Settings settings = Settings.load(Map.of("http-port", "9000"),
                Map.of("HTTP_PORT", "8000", "HTTP_HOST", "10.0.0.1"), file);
        assertEquals(9000, settings.getInt(Settings.HTTP_PORT, 8080, 1, 65535));
        assertEquals("10.0.0.1", settings.get(Settings.HTTP_HOST, "127.0.0.1"));
        assertEquals(Duration.ofMinutes(1), settings.getDuration(Settings.POLL_INTERVAL, Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), settings.getDuration("unset.key", Duration.ofMinutes(5)));
    }

    @Test
    void kafkaVariablesBecomeClientPropertiesButJvmOptionsDoNot() {
        Settings settings = Settings.load(Map.of(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_HEAP_OPTS", "-Xmx1g", "EMBEDDED_KAFKA_PORT", "9093"), null);
        Map<String, Object> props = settings.kafkaClientProperties();
        assertEquals("b:9092", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertFalse(props.containsKey("heap.opts"));
        assertEquals(2, props.size(), props.toString());
    }

    @Test
    void badValuesGetMessagesThatNameTheSetting(@TempDir Path dir) {
        Settings settings = Settings.load(Map.of(), Map.of("HTTP_PORT", "eighty", "POLL_INTERVAL", "5 minutes",
                "TOPIC_PARTITIONS", "0"), null);
        assertTrue(assertThrows(SettingsException.class, () -> settings.getInt(Settings.HTTP_PORT, 8080, 1, 65535))
                .getMessage().contains("HTTP_PORT must be a whole number"));
        assertTrue(assertThrows(SettingsException.class, () -> settings.getDuration(Settings.POLL_INTERVAL, Duration.ZERO))
                .getMessage().contains("POLL_INTERVAL must be an ISO-8601 duration"));
        assertTrue(assertThrows(SettingsException.class, () -> settings.getInt(Settings.TOPIC_PARTITIONS, 6, 1, 100))
                .getMessage().contains("TOPIC_PARTITIONS must be between 1 and 100"));
        assertTrue(assertThrows(SettingsException.class, () -> Settings.load(Map.of(), Map.of(), dir.resolve("missing")))
                .getMessage().contains("not found"));
        assertTrue(assertThrows(SettingsException.class, () -> settings.require(Settings.KAFKA_BOOTSTRAP_SERVERS, "needed"))
                .getMessage().startsWith("KAFKA_BOOTSTRAP_SERVERS is not set"));
    }

    @Test
    void stateDirDefaultsUnderTheDataDir() {
        assertEquals(Path.of("/d/state"), Settings.of(Map.of("DATA_DIR", "/d")).stateDir());
        assertEquals(Path.of("/s"), Settings.of(Map.of("DATA_DIR", "/d", "STATE_DIR", "/s")).stateDir());
    }
}
