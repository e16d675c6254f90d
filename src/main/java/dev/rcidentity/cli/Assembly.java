package dev.rcidentity.cli;

import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.connections.ConnectionImport;
import dev.rcidentity.connections.ConnectionStatuses;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.onboarding.ConnectionStatus;
import dev.rcidentity.onboarding.ConnectionStatusSource;
import dev.rcidentity.poller.ConnectionRunner;
import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.poller.Poller;
import dev.rcidentity.poller.SweepPacing;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HealthCheck;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import dev.rcidentity.query.QueryService;
import dev.rcidentity.query.RouteSet;
import dev.rcidentity.query.StreamsHealth;
import dev.rcidentity.webhooks.ConnectionTokens;
import dev.rcidentity.webhooks.NotificationWriter;
import dev.rcidentity.webhooks.VerificationTokens;
import dev.rcidentity.webhooks.WebhookReceiver;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the parts a command runs, registers each with the lifecycle, and ties them to metrics and health. */
final class Assembly {
    private static final Duration CONNECTIONS_TIMEOUT = Duration.ofSeconds(60);
    /** Within RingCentral's patience for a delivery and below the API's request deadline. */
    private static final Duration WEBHOOK_WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;
    private final Lifecycle lifecycle;
    private final Clock clock = Clock.systemUTC();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<HealthCheck> checks = new ArrayList<>();
    private PollerMeters pollerMeters;
    private StreamsService streams;
    private ConnectionStore connections;

    Assembly(Settings settings, Lifecycle lifecycle) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /**
     * Imports the connections the settings describe into {@code rc.connections.v1}, then runs every connection of
     * that topic (held, swept, released and revoked as its records say).
     */
    Poller startPoller(List<ConnectionSettings> configured, String bootstrap, CredentialKeys keys) {
        SweepPacing pacing = OptionsFromSettings.sweepPacing(settings);
        KafkaClients kafka = OptionsFromSettings.kafka(settings, bootstrap);
        CredentialCipher cipher = new CredentialCipher(keys);
        ConnectionStore store = connectionStore(kafka);
        new ConnectionImport(store, cipher, clock).importAll(ConnectionsReader.importEntries(configured));
        Poller poller = lifecycle.add(Poller.create(OptionsFromSettings.poller(settings), pacing,
                kafka, clock));
        OptionsFromSettings.push(settings).ifPresent(push -> poller.enablePush(push, store, cipher));
        String instance = OptionsFromSettings.pollerInstance(settings);
        pollerMeters = new PollerMeters(poller, instance, registry);
        ConnectionRunner runner = lifecycle.add(ConnectionRunner.startInGroup(poller, store, cipher, kafka,
                settings.get(SettingKeys.APPLICATION_ID), instance, OptionsFromSettings.pollerGroupId(settings), clock));
        checks.add(new PollerHealth(poller, runner::assignmentLoaded));
        return poller;
    }

    /** The one view of {@code rc.connections.v1} of this process, started on first use. */
    ConnectionStore connectionStore(KafkaClients kafka) {
        if (connections == null) {
            connections = lifecycle.add(ConnectionStore.start(kafka, CONNECTIONS_TIMEOUT));
        }
        return connections;
    }

    StreamsService startStreams(String bootstrap) {
        streams = lifecycle.add(StreamsService.start(OptionsFromSettings.kafka(settings, bootstrap),
                OptionsFromSettings.streams(settings), settings.get(SettingKeys.STORE_HISTORY_RETENTION), lifecycle::fail));
        new KafkaStreamsMetrics(streams.streams()).bindTo(registry);
        checks.add(new StreamsHealth(streams.streams()));
        return streams;
    }

    /** The HTTP API: store queries when this process runs the topology, login ingest, health and metrics. */
    ApiServer startApi(String bootstrap) throws IOException {
        return startApi(bootstrap, HttpServerOptions.defaults());
    }

    ApiServer startApi(String bootstrap, HttpServerOptions options) throws IOException {
        KafkaProducer<String, LoginEvent> logins = lifecycle.add(new KafkaProducer<>(loginProducerConfig(bootstrap),
                Topics.LOGINS.keySerde().serializer(), Topics.LOGINS.valueSerde().serializer()));
        QueryService queries = null;
        if (streams != null) {
            HostInfo self = HostInfo.buildFromEndpoint(OptionsFromSettings.streams(settings).applicationServer());
            queries = lifecycle.add(QueryService.forStreams(streams.streams(), self, Topics.EXTENSIONS.name(), streams.partitions(), clock,
                    streams::addStateListener));
        }
        OptionsFromSettings.ApiOptions api = OptionsFromSettings.api(settings);
        Runnable beforeScrape = () -> {
            if (pollerMeters != null) {
                pollerMeters.refresh();
            }
        };
        AtomicReference<ApiServer> server = new AtomicReference<>();
        ConnectionStatusSource statuses = settings.isSet(SettingKeys.ADMIN_TOKEN)
                ? pollerStatuses(OptionsFromSettings.kafka(settings, bootstrap)) : ConnectionStatusSource.NONE;
        List<RouteSet> onboarding = OnboardingWiring.routes(settings,
                () -> connectionStore(OptionsFromSettings.kafka(settings, bootstrap)), logins, () -> server.get().port(),
                statuses, clock);
        List<RouteSet> routes = new ArrayList<>(onboarding);
        routes.add(webhookReceiver(bootstrap));
        server.set(lifecycle.add(HttpApi.start(api.host(), api.port(), api.apiToken(),
                settings.get(SettingKeys.APPLICATION_ID), queries, logins,
                checks, registry, beforeScrape, clock, options, routes)));
        return server.get();
    }

    /**
     * {@code POST /webhooks/ringcentral}: with {@code WEBHOOK_BASE_URL} and a credentials key, this instance receives
     * deliveries for any connection; otherwise it answers the handshake only.
     */
    private WebhookReceiver webhookReceiver(String bootstrap) {
        Optional<CredentialKeys> keys = OptionsFromSettings.credentialKeys(settings);
        if (!settings.isSet(SettingKeys.WEBHOOK_BASE_URL) || keys.isEmpty()) {
            return new WebhookReceiver(VerificationTokens.NONE, null, registry, clock);
        }
        KafkaClients kafka = OptionsFromSettings.kafka(settings, bootstrap);
        return new WebhookReceiver(new ConnectionTokens(connectionStore(kafka), new CredentialCipher(keys.get())),
                lifecycle.add(NotificationWriter.start(kafka, WEBHOOK_WRITE_TIMEOUT)), registry, clock);
    }

    /** What the pollers, in this process or others, report of each connection (their internal status topic). */
    private ConnectionStatusSource pollerStatuses(KafkaClients kafka) {
        ConnectionStatuses statuses = lifecycle.add(ConnectionStatuses.start(kafka,
                settings.get(SettingKeys.APPLICATION_ID), CONNECTIONS_TIMEOUT));
        return id -> statuses.get(id).map(s -> new ConnectionStatus(s.heldBy(), s.assignment() == null ? null
                : new ConnectionStatus.Assignment(s.assignment().partition(), s.assignment().since()),
                s.lastSweep() == null ? null
                : new ConnectionStatus.LastSweep(s.lastSweep().at(), s.lastSweep().outcome(), s.lastSweep().extensions(),
                s.lastSweep().changed(), s.lastSweep().deleted()), s.nextSweepAt(), s.subscription() == null ? null
                : new ConnectionStatus.Subscription(s.subscription().id(), s.subscription().status(),
                s.subscription().expiresAt())));
    }

    private Map<String, Object> loginProducerConfig(String bootstrap) {
        return OptionsFromSettings.kafka(settings, bootstrap).producer("rc-identity-login-ingest", Duration.ofSeconds(30));
    }
}
