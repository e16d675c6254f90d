package dev.rcidentity.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting rc-identity reads, defined once: name, default and meaning. Any {@code KAFKA_*} variable that is not
 * defined here is passed to the Kafka clients ({@link Settings#kafkaClientProperties()}).
 */
public final class SettingKeys {
    private static final Map<String, Setting<?>> ALL = new LinkedHashMap<>();

    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = text("KAFKA_BOOTSTRAP_SERVERS", null,
            "the Kafka cluster; unset: demo embeds a broker, the other commands refuse to start");
    public static final Setting<Integer> EMBEDDED_KAFKA_PORT = integer("EMBEDDED_KAFKA_PORT", 9092, 1, 65_535,
            "where the embedded broker listens on 127.0.0.1");
    public static final Setting<Path> DATA_DIR = path("DATA_DIR", Path.of("./data"),
            "the embedded broker's log directory and, unless STATE_DIR says otherwise, the streams state");
    public static final Setting<Path> STATE_DIR = path("STATE_DIR", null,
            "Kafka Streams state (default DATA_DIR/state)");
    public static final Setting<String> APPLICATION_ID = text("APPLICATION_ID", "rc-identity",
            "the Kafka Streams application id (consumer group, internal topic prefix)");
    public static final Setting<String> APPLICATION_SERVER = text("APPLICATION_SERVER", null,
            "host:port other instances use to reach this one (default HTTP_HOST:HTTP_PORT)");
    public static final Setting<Integer> NUM_STANDBY_REPLICAS = integer("NUM_STANDBY_REPLICAS", 1, 0, 10,
            "standby copies of each state store");
    public static final Setting<Duration> STORE_HISTORY_RETENTION = duration("STORE_HISTORY_RETENTION",
            Duration.ofDays(400), "how far back \"as of\" lookups reach (ISO-8601)");
    public static final Setting<String> HTTP_HOST = text("HTTP_HOST", "127.0.0.1", "where the HTTP API listens");
    public static final Setting<Integer> HTTP_PORT = integer("HTTP_PORT", 8080, 0, 65_535,
            "the HTTP API's port (0: a free one)");
    public static final Setting<String> API_TOKEN = secret("API_TOKEN",
            "when set, /v1 requests need \"Authorization: Bearer <API_TOKEN>\"");
    public static final Setting<Integer> TOPIC_PARTITIONS = integer("TOPIC_PARTITIONS", 6, 1, 10_000,
            "partitions of the topics 'topics' creates");
    public static final Setting<Integer> TOPIC_REPLICATION_FACTOR = integer("TOPIC_REPLICATION_FACTOR", null, -1,
            Short.MAX_VALUE, "replication of the topics 'topics' creates (default: the broker's)");

    public static final Setting<URI> RC_SERVER_URL = url("RC_SERVER_URL",
            URI.create("https://platform.ringcentral.com"), "RingCentral API base URL");
    public static final Setting<String> RC_CLIENT_ID = text("RC_CLIENT_ID", null,
            "with RC_CLIENT_SECRET and RC_JWT: one connection (JWT bearer grant)");
    public static final Setting<String> RC_CLIENT_SECRET = secret("RC_CLIENT_SECRET", "the app's client secret");
    public static final Setting<String> RC_JWT = secret("RC_JWT", "the user's JWT credential");
    public static final Setting<Path> RC_CONNECTIONS_FILE = path("RC_CONNECTIONS_FILE", null,
            "JSON array of connections: {\"name\", \"serverUrl\"?, \"clientId\", \"clientSecret\", \"jwt\" or \"refreshToken\"}");
    public static final Setting<Duration> POLL_INTERVAL = duration("POLL_INTERVAL", Duration.ofMinutes(5),
            "between full sweeps of one connection (ISO-8601; demo: PT30S)");

    public static final Setting<Integer> SIMULATOR_ACCOUNTS = integer("SIMULATOR_ACCOUNTS", 3, 1, 1_000,
            "simulated accounts");
    public static final Setting<Integer> SIMULATOR_EXTENSIONS = integer("SIMULATOR_EXTENSIONS", 200, 1, 100_000,
            "extensions per simulated account");
    public static final Setting<Integer> SIMULATOR_PORT = integer("SIMULATOR_PORT", 0, 0, 65_535,
            "where the simulator listens on 127.0.0.1 (0: a free port)");
    public static final Setting<Duration> SIMULATOR_TICK_INTERVAL = duration("SIMULATOR_TICK_INTERVAL",
            Duration.ofMinutes(1), "how often the simulator's directory changes (ISO-8601)");
    public static final Setting<Boolean> QUICK = define(new Setting<>("QUICK", false,
            "bench: a tenth of the data (the --quick flag)", false, SettingTypes::flag));
    public static final Setting<String> BENCH_SECTIONS = text("BENCH_SECTIONS", "all",
            "bench: all, streams (the floors, the identity topology beside its anchors, latency and memory only), "
                    + "lookups (the topology's preload and logins, latency and the HTTP lookups only), poller (the sweep "
                    + "and the scale-out of poller instances) or push (push vs polling: staleness and RingCentral "
                    + "requests only)");

    // Connections managed at run time, OAuth onboarding and webhooks.
    public static final Setting<String> ADMIN_TOKEN = secret("ADMIN_TOKEN",
            "bearer token for /v1/connections* (demo generates one); unset: those answer 403");
    public static final Setting<String> CREDENTIALS_KEY = secret("CREDENTIALS_KEY",
            "AES-256 key (base64, 32 bytes) that encrypts connection credentials in rc.connections.v1");
    public static final Setting<Path> CREDENTIALS_KEY_FILE = path("CREDENTIALS_KEY_FILE", null,
            "a file holding CREDENTIALS_KEY (demo: a key file under DATA_DIR)");
    public static final Setting<String> CREDENTIALS_OLD_KEYS = secret("CREDENTIALS_OLD_KEYS",
            "comma-separated older keys, for reading only (key rotation)");
    public static final Setting<URI> RC_REDIRECT_URI = url("RC_REDIRECT_URI", null,
            "the OAuth redirect URI registered for the app (default http://HTTP_HOST:HTTP_PORT/oauth/callback)");
    public static final Setting<String> POLLER_GROUP_ID = text("POLLER_GROUP_ID", null,
            "consumer group through which poller instances share the connections (default <APPLICATION_ID>-poller)");
    public static final Setting<Integer> POLLER_MAX_CONCURRENT_SWEEPS = integer("POLLER_MAX_CONCURRENT_SWEEPS", 8, 1,
            256, "sweeps one poller instance runs at once (its sweep threads): with RingCentral's latency, what "
                    + "bounds the connections an instance sweeps per interval");
    public static final Setting<URI> WEBHOOK_BASE_URL = url("WEBHOOK_BASE_URL", null,
            "base URL RingCentral can reach; set: each connection holds a webhook subscription");
    public static final Setting<Duration> SUBSCRIPTION_CHECK_INTERVAL = duration("SUBSCRIPTION_CHECK_INTERVAL",
            Duration.ofMinutes(1), "how often each connection's webhook subscription is checked (ISO-8601)");
    public static final Setting<Duration> POLL_INTERVAL_WITH_PUSH = duration("POLL_INTERVAL_WITH_PUSH",
            Duration.ofHours(1), "full-sweep interval of a connection whose subscription is healthy (ISO-8601)");

    private SettingKeys() {
    }

    /** Every defined setting, in definition order. */
    public static Collection<Setting<?>> all() {
        return Collections.unmodifiableCollection(ALL.values());
    }

    /** The setting with this key in any spelling ({@code HTTP_PORT}, {@code http-port}, {@code http.port}). */
    public static Optional<Setting<?>> find(String key) {
        return Optional.ofNullable(ALL.get(Settings.normalize(key)));
    }

    private static <T> Setting<T> define(Setting<T> setting) {
        if (ALL.putIfAbsent(setting.key(), setting) != null) {
            throw new IllegalStateException("Setting " + setting.envName() + " is defined twice");
        }
        return setting;
    }

    private static Setting<String> text(String name, String defaultValue, String meaning) {
        return define(new Setting<>(name, defaultValue, meaning, false, SettingTypes::text));
    }

    private static Setting<String> secret(String name, String meaning) {
        return define(new Setting<>(name, null, meaning, true, SettingTypes::text));
    }

    private static Setting<Integer> integer(String name, Integer defaultValue, int min, int max, String meaning) {
        return define(new Setting<>(name, defaultValue, meaning, false, SettingTypes.integer(min, max)));
    }

    private static Setting<Duration> duration(String name, Duration defaultValue, String meaning) {
        return define(new Setting<>(name, defaultValue, meaning, false, SettingTypes::duration));
    }

    private static Setting<URI> url(String name, URI defaultValue, String meaning) {
        return define(new Setting<>(name, defaultValue, meaning, false, SettingTypes::httpUrl));
    }

    private static Setting<Path> path(String name, Path defaultValue, String meaning) {
        return define(new Setting<>(name, defaultValue, meaning, false, SettingTypes::path));
    }
}
