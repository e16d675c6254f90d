package dev.rcidentity.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The resolved configuration. Keys are held lower-case with dots ({@code kafka.bootstrap.servers}); environment
 * variables ({@code KAFKA_BOOTSTRAP_SERVERS}) and command-line options map onto the same keys.
 * Precedence: command line, then environment, then the {@code --config} file, then defaults.
 */
public final class Settings {
    /** Every key under it is a Kafka client setting ({@code KAFKA_SECURITY_PROTOCOL} is {@code security.protocol}). */
    private static final String KAFKA_PREFIX = "kafka.";
    /** JVM and script variables that share the KAFKA_ prefix but are not client settings. */
    private static final Set<String> NOT_CLIENT_SETTINGS = Set.of("heap.opts", "opts", "jvm.performance.opts",
            "log4j.opts", "jmx.opts", "gc.log.opts", "debug", "log.dir", "home");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        Map<String, String> normalized = new HashMap<>();
        values.forEach((k, v) -> normalized.put(normalize(k), v));
        return new Settings(normalized);
    }

    /** Resolves command line over environment over file; every value is checked when it is read. */
    public static Settings load(Map<String, String> commandLine, Map<String, String> environment, Path configFile) {
        Map<String, String> merged = new HashMap<>();
        if (configFile != null) {
            readFile(configFile).forEach((k, v) -> merged.put(normalize(k), v));
        }
        environment.forEach((k, v) -> merged.put(normalize(k), v));
        commandLine.forEach((k, v) -> merged.put(normalize(k), v));
        merged.values().removeIf(String::isEmpty);
        return new Settings(merged);
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new SettingsException("--config " + file + ": file not found or not readable");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("--config " + file + ": cannot read it as a properties file (" + e.getMessage() + ")");
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v).trim()));
        return map;
    }

    /** {@code KAFKA_BOOTSTRAP_SERVERS}, {@code kafka-bootstrap-servers} and {@code kafka.bootstrap.servers} are one key. */
    public static String normalize(String key) {
        return key.trim().toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }

    /** The value set for {@code setting}, else its default; empty when neither exists. */
    public <T> Optional<T> find(Setting<T> setting) {
        String text = values.get(setting.key());
        return text == null ? setting.defaultValue() : Optional.of(setting.parse(text));
    }

    /** The value set for {@code setting}, else its default, for a setting that has one. */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException(setting.envName()
                + " has no default: use find or require"));
    }

    /** The value set for {@code setting}, else {@code fallback} (a default derived from other settings). */
    public <T> T getOrElse(Setting<T> setting, T fallback) {
        return isSet(setting) ? find(setting).orElseThrow() : fallback;
    }

    public <T> T require(Setting<T> setting, String why) {
        return find(setting).orElseThrow(() -> new SettingsException(setting.envName() + " is not set: " + why));
    }

    public boolean isSet(Setting<?> setting) {
        return values.containsKey(setting.key());
    }

    public Path dataDir() {
        return get(SettingKeys.DATA_DIR);
    }

    public Path stateDir() {
        return getOrElse(SettingKeys.STATE_DIR, dataDir().resolve("state"));
    }

    /** A copy with {@code setting} set, for values decided at run time (the embedded broker's address). */
    public Settings with(Setting<?> setting, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(setting.key(), value);
        return new Settings(copy);
    }

    /** True for a key that is defined in {@link SettingKeys} or passed to the Kafka clients. */
    public static boolean isKnown(String key) {
        return SettingKeys.find(key).isPresent() || normalize(key).startsWith(KAFKA_PREFIX);
    }

    /**
     * Every {@code kafka.*} key, minus the prefix, as Kafka client properties ({@code KAFKA_SECURITY_PROTOCOL} becomes
     * {@code security.protocol}).
     */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                String clientKey = k.substring(KAFKA_PREFIX.length());
                if (!NOT_CLIENT_SETTINGS.contains(clientKey)) {
                    props.put(clientKey, v);
                }
            }
        });
        return props;
    }
}
