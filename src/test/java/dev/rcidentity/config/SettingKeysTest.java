package dev.rcidentity.config;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public for {@link #undefinedNames}, which the command tests use on the help texts. */
public class SettingKeysTest {
    /** How a setting is written in prose: upper case with at least one underscore. */
    static final Pattern SETTING_NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    @Test
    void everySettingIsRegisteredOnceUnderItsFieldName() throws IllegalAccessException {
        Set<String> keys = new HashSet<>();
        SettingKeys.all().forEach(s -> assertTrue(keys.add(s.key()), "defined twice: " + s));
        int fields = 0;
        for (Field field : SettingKeys.class.getDeclaredFields()) {
            if (field.getType() == Setting.class && Modifier.isPublic(field.getModifiers())) {
                Setting<?> setting = (Setting<?>) field.get(null);
                assertEquals(field.getName(), setting.envName());
                assertTrue(SettingKeys.find(setting.key()).orElseThrow() == setting, setting.envName());
                fields++;
            }
        }
        assertEquals(fields, SettingKeys.all().size());
    }

    @Test
    void theContractsNewSettingsAreDefined() {
        for (String name : List.of("ADMIN_TOKEN", "CREDENTIALS_KEY", "CREDENTIALS_KEY_FILE", "CREDENTIALS_OLD_KEYS",
                "RC_REDIRECT_URI", "POLLER_GROUP_ID", "WEBHOOK_BASE_URL", "SUBSCRIPTION_CHECK_INTERVAL",
                "POLL_INTERVAL_WITH_PUSH")) {
            assertTrue(SettingKeys.find(name).isPresent(), name);
        }
    }

    @Test
    void everyDefaultReadsBackAsItself() {
        for (Setting<?> setting : SettingKeys.all()) {
            setting.defaultValue().ifPresent(value -> assertEquals(value, setting.parse(String.valueOf(value)),
                    setting.envName()));
            assertFalse(setting.meaning().isBlank(), setting.envName());
        }
    }

    @Test
    void aMalformedSecretIsNamedButNeverQuoted() {
        Setting<Integer> secret = new Setting<>("SOME_PIN", null, "a secret number", true, SettingTypes.integer(1, 9));
        String message = assertThrows(SettingsException.class, () -> secret.parse("s3cr3t")).getMessage();
        assertEquals("SOME_PIN is malformed", message);
    }

    @Test
    void theReadmeConfigurationTableNamesOnlyDefinedSettings() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0 && end > start, "README has a Configuration section");
        List<String> unknown = new ArrayList<>();
        int rows = 0;
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                rows++;
                unknown.addAll(undefinedNames(line.substring(0, line.indexOf('|', 1))));
            }
        }
        assertTrue(rows > 10, "found the table");
        assertEquals(List.of(), unknown);
    }

    /** The setting names in {@code text} that are neither defined nor Kafka client settings ({@code KAFKA_*}). */
    public static List<String> undefinedNames(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher names = SETTING_NAME.matcher(text);
        while (names.find()) {
            String name = names.group();
            if (SettingKeys.find(name).isEmpty() && !name.startsWith("KAFKA_")) {
                unknown.add(name);
            }
        }
        return unknown;
    }
}
