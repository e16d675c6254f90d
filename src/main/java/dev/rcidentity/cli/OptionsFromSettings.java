package dev.rcidentity.cli;

import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.connections.CredentialKeyException;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.StreamsOptions;
import dev.rcidentity.poller.PollerOptions;
import dev.rcidentity.poller.PushOptions;
import dev.rcidentity.poller.SweepPacing;
import dev.rcidentity.simulator.SimulatorOptions;

import java.util.Optional;

import static dev.rcidentity.config.SettingKeys.API_TOKEN;
import static dev.rcidentity.config.SettingKeys.APPLICATION_ID;
import static dev.rcidentity.config.SettingKeys.APPLICATION_SERVER;
import static dev.rcidentity.config.SettingKeys.POLLER_GROUP_ID;
import static dev.rcidentity.config.SettingKeys.POLLER_MAX_CONCURRENT_SWEEPS;
import static dev.rcidentity.config.SettingKeys.CREDENTIALS_KEY;
import static dev.rcidentity.config.SettingKeys.CREDENTIALS_KEY_FILE;
import static dev.rcidentity.config.SettingKeys.CREDENTIALS_OLD_KEYS;
import static dev.rcidentity.config.SettingKeys.HTTP_HOST;
import static dev.rcidentity.config.SettingKeys.HTTP_PORT;
import static dev.rcidentity.config.SettingKeys.NUM_STANDBY_REPLICAS;
import static dev.rcidentity.config.SettingKeys.POLL_INTERVAL;
import static dev.rcidentity.config.SettingKeys.POLL_INTERVAL_WITH_PUSH;
import static dev.rcidentity.config.SettingKeys.SUBSCRIPTION_CHECK_INTERVAL;
import static dev.rcidentity.config.SettingKeys.WEBHOOK_BASE_URL;
import static dev.rcidentity.config.SettingKeys.SIMULATOR_ACCOUNTS;
import static dev.rcidentity.config.SettingKeys.SIMULATOR_EXTENSIONS;
import static dev.rcidentity.config.SettingKeys.SIMULATOR_PORT;
import static dev.rcidentity.config.SettingKeys.SIMULATOR_TICK_INTERVAL;

/**
 * The typed options each part is started with, read from the settings by the command that starts it: the parts
 * themselves never read settings. The connections come from {@link ConnectionsReader}.
 */
final class OptionsFromSettings {
    /** Where the HTTP API listens, and the bearer token {@code /v1} requests need (null: none). */
    record ApiOptions(String host, int port, String apiToken) {
    }

    private OptionsFromSettings() {
    }

    /** The user's {@code KAFKA_*} client settings with this bootstrap address (the embedded broker's, in the demo). */
    static KafkaClients kafka(Settings settings, String bootstrapServers) {
        return KafkaClients.of(settings.kafkaClientProperties(), bootstrapServers);
    }

    static PollerOptions poller(Settings settings) {
        return PollerOptions.defaults().withPollInterval(settings.get(POLL_INTERVAL));
    }

    /** How the poller paces its sweeps: {@code POLLER_MAX_CONCURRENT_SWEEPS} at once. */
    static SweepPacing sweepPacing(Settings settings) {
        return SweepPacing.withMaxConcurrentSweeps(settings.get(POLLER_MAX_CONCURRENT_SWEEPS));
    }

    /** The push fast path when {@code WEBHOOK_BASE_URL} is set. */
    static Optional<PushOptions> push(Settings settings) {
        return settings.find(WEBHOOK_BASE_URL).map(url -> PushOptions.of(url, settings.get(SUBSCRIPTION_CHECK_INTERVAL),
                settings.get(POLL_INTERVAL_WITH_PUSH)));
    }

    static StreamsOptions streams(Settings settings) {
        return new StreamsOptions(settings.get(APPLICATION_ID), settings.stateDir(), applicationServer(settings),
                settings.get(NUM_STANDBY_REPLICAS));
    }

    static ApiOptions api(Settings settings) {
        return new ApiOptions(settings.get(HTTP_HOST), settings.get(HTTP_PORT), settings.find(API_TOKEN).orElse(null));
    }

    static SimulatorOptions simulator(Settings settings) {
        return SimulatorOptions.builder()
                .accounts(settings.get(SIMULATOR_ACCOUNTS))
                .extensionsPerAccount(settings.get(SIMULATOR_EXTENSIONS))
                .port(settings.get(SIMULATOR_PORT))
                .autoTickInterval(settings.get(SIMULATOR_TICK_INTERVAL))
                .build();
    }

    /**
     * The keys of the connection credentials: {@code CREDENTIALS_KEY} or {@code CREDENTIALS_KEY_FILE}, plus
     * {@code CREDENTIALS_OLD_KEYS}. Empty when neither key setting is set; a malformed key is a settings error naming
     * the setting (never the value).
     */
    static Optional<CredentialKeys> credentialKeys(Settings settings) {
        if (!settings.isSet(CREDENTIALS_KEY) && !settings.isSet(CREDENTIALS_KEY_FILE)) {
            if (settings.isSet(CREDENTIALS_OLD_KEYS)) {
                throw new SettingsException(CREDENTIALS_OLD_KEYS.envName() + " is set without a current key: set "
                        + CREDENTIALS_KEY.envName() + " or " + CREDENTIALS_KEY_FILE.envName() + " too");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(CredentialKeys.load(settings.find(CREDENTIALS_KEY).orElse(null),
                    settings.find(CREDENTIALS_KEY_FILE).orElse(null), settings.find(CREDENTIALS_OLD_KEYS).orElse(null)));
        } catch (CredentialKeyException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** As {@link #credentialKeys}, for a part that cannot run without them; the error says why they are needed. */
    static CredentialKeys requireCredentialKeys(Settings settings, String why) {
        return credentialKeys(settings).orElseThrow(() -> new SettingsException("No credentials key: set "
                + CREDENTIALS_KEY.envName() + " (base64, 32 bytes: openssl rand -base64 32) or "
                + CREDENTIALS_KEY_FILE.envName() + "; " + why));
    }

    /**
     * How this instance is named in the poller's status ({@code heldBy}): {@code APPLICATION_SERVER}, else
     * {@code HTTP_HOST:HTTP_PORT}, else (a port chosen at start) the process id.
     */
    static String pollerInstance(Settings settings) {
        if (settings.isSet(APPLICATION_SERVER) || settings.get(HTTP_PORT) != 0) {
            return applicationServer(settings);
        }
        return "poller-pid-" + ProcessHandle.current().pid();
    }

    /** The consumer group through which poller instances share the connections: {@code <APPLICATION_ID>-poller}. */
    static String pollerGroupId(Settings settings) {
        return settings.getOrElse(POLLER_GROUP_ID, settings.get(APPLICATION_ID) + "-poller");
    }

    /** host:port other instances use to reach this one's HTTP API. */
    private static String applicationServer(Settings settings) {
        return settings.getOrElse(APPLICATION_SERVER, settings.get(HTTP_HOST) + ":" + settings.get(HTTP_PORT));
    }
}
