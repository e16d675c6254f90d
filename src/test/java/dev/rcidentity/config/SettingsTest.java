package dev.rcidentity.config;

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
        assertEquals(9000, settings.get(SettingKeys.HTTP_PORT));
        assertEquals("10.0.0.1", settings.get(SettingKeys.HTTP_HOST));
        assertEquals(Duration.ofMinutes(1), settings.get(SettingKeys.POLL_INTERVAL));
        assertEquals(Duration.ofDays(400), settings.get(SettingKeys.STORE_HISTORY_RETENTION), "the default");
        assertEquals(Duration.ofSeconds(30), settings.getOrElse(SettingKeys.SUBSCRIPTION_CHECK_INTERVAL,
                Duration.ofSeconds(30)), "a fallback beats the default of an unset setting");
        assertEquals(Duration.ofMinutes(1), settings.getOrElse(SettingKeys.POLL_INTERVAL, Duration.ofSeconds(30)),
                "a set value beats the fallback");
        assertTrue(settings.find(SettingKeys.API_TOKEN).isEmpty());
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
                "TOPIC_PARTITIONS", "0", "RC_SERVER_URL", "ftp://x", "QUICK", "yes"), null);
        assertMessage(() -> settings.get(SettingKeys.HTTP_PORT), "HTTP_PORT must be a whole number");
        assertMessage(() -> settings.get(SettingKeys.POLL_INTERVAL), "POLL_INTERVAL must be an ISO-8601 duration");
        assertMessage(() -> settings.get(SettingKeys.TOPIC_PARTITIONS), "TOPIC_PARTITIONS must be between 1 and 10000");
        assertMessage(() -> settings.get(SettingKeys.RC_SERVER_URL), "RC_SERVER_URL must be an http(s) URL");
        assertMessage(() -> settings.get(SettingKeys.QUICK), "QUICK must be true or false");
        assertMessage(() -> Settings.load(Map.of(), Map.of(), dir.resolve("missing")), "not found");
        assertTrue(assertThrows(SettingsException.class, () -> settings.require(SettingKeys.KAFKA_BOOTSTRAP_SERVERS, "needed"))
                .getMessage().startsWith("KAFKA_BOOTSTRAP_SERVERS is not set"));
    }

    @Test
    void stateDirDefaultsUnderTheDataDir() {
        assertEquals(Path.of("/d/state"), Settings.of(Map.of("DATA_DIR", "/d")).stateDir());
        assertEquals(Path.of("/s"), Settings.of(Map.of("DATA_DIR", "/d", "STATE_DIR", "/s")).stateDir());
        assertEquals(Path.of("./data/state"), Settings.of(Map.of()).stateDir());
    }

    private static void assertMessage(Runnable read, String expected) {
        String message = assertThrows(SettingsException.class, read::run).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
