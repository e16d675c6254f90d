package dev.rcidentity.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String EMBEDDED_KAFKA_PORT = "embedded.kafka.port";
    public static final String DATA_DIR = "data.dir";
    public static final String STATE_DIR = "state.dir";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String APPLICATION_SERVER = "application.server";
    public static final String APPLICATION_ID = "application.id";
    public static final String API_TOKEN = "api.token";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String POLL_INTERVAL = "poll.interval";
    public static final String STORE_HISTORY_RETENTION = "store.history.retention";
    public static final String NUM_STANDBY_REPLICAS = "num.standby.replicas";

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

    /** Resolves command line over environment over file. */
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

    /** How users spell a key in the environment, for messages. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(normalize(key)));
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public String require(String key, String why) {
        return get(key).orElseThrow(() -> new SettingsException(envName(key) + " is not set: " + why));
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value < min || value > max) {
                throw new SettingsException(envName(key) + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException(envName(key) + " must be a whole number, got '" + raw.get() + "'");
        }
    }

    public Duration getDuration(String key, Duration defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration value = Duration.parse(raw.get().trim());
            if (value.isNegative() || value.isZero()) {
                throw new SettingsException(envName(key) + " must be a positive ISO-8601 duration, got '" + raw.get() + "'");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new SettingsException(envName(key) + " must be an ISO-8601 duration such as PT5M or P400D, got '" + raw.get() + "'");
        }
    }

    public Path dataDir() {
        return Path.of(get(DATA_DIR, "./data"));
    }

    public Path stateDir() {
        return get(STATE_DIR).map(Path::of).orElse(dataDir().resolve("state"));
    }

    public Optional<String> bootstrapServers() {
        return get(KAFKA_BOOTSTRAP_SERVERS);
    }

    /** A copy with {@code key} set, for values decided at run time (the embedded broker's address). */
    public Settings with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(normalize(key), value);
        return new Settings(copy);
    }

    /**
     * Every {@code kafka.*} key, minus the prefix, as Kafka client properties ({@code KAFKA_SECURITY_PROTOCOL} becomes
     * {@code security.protocol}).
     */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("kafka.")) {
                String clientKey = k.substring("kafka.".length());
                if (!NOT_CLIENT_SETTINGS.contains(clientKey)) {
                    props.put(clientKey, v);
                }
            }
        });
        return props;
    }
}
