package dev.rcidentity.cli;

import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.onboarding.ConnectionStatusSource;
import dev.rcidentity.poller.ConnectionSettings;
import dev.rcidentity.poller.Poller;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HealthCheck;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import dev.rcidentity.query.QueryService;
import dev.rcidentity.query.RouteSet;
import dev.rcidentity.query.StreamsHealth;
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
import java.util.concurrent.atomic.AtomicReference;

/** Starts the parts a command runs, registers each with the lifecycle, and ties them to metrics and health. */
final class Assembly {
    private final Settings settings;
    private final Lifecycle lifecycle;
    private final Clock clock = Clock.systemUTC();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<HealthCheck> checks = new ArrayList<>();
    private PollerMeters pollerMeters;
    private StreamsService streams;
    /** The pollers' status of each connection, for the connection views; none reports yet. */
    private ConnectionStatusSource connectionStatuses = ConnectionStatusSource.NONE;

    Assembly(Settings settings, Lifecycle lifecycle) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    Poller startPoller(List<ConnectionSettings> connections, String bootstrap) {
        Poller poller = lifecycle.add(Poller.create(connections, OptionsFromSettings.poller(settings),
                OptionsFromSettings.kafka(settings, bootstrap), clock));
        pollerMeters = new PollerMeters(poller.metrics(), registry);
        checks.add(new PollerHealth(poller));
        poller.start();
        return poller;
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
            queries = lifecycle.add(QueryService.forStreams(streams.streams(), self, Topics.EXTENSIONS.name(), streams.partitions(), clock));
        }
        OptionsFromSettings.ApiOptions api = OptionsFromSettings.api(settings);
        Runnable beforeScrape = () -> {
            if (pollerMeters != null) {
                pollerMeters.refresh();
            }
        };
        AtomicReference<ApiServer> server = new AtomicReference<>();
        List<RouteSet> onboarding = OnboardingWiring.routes(settings, bootstrap, lifecycle, logins,
                () -> server.get().port(), connectionStatuses, clock);
        server.set(lifecycle.add(HttpApi.start(api.host(), api.port(), api.apiToken(),
                settings.get(SettingKeys.APPLICATION_ID), queries, logins,
                checks, registry, beforeScrape, clock, options, onboarding)));
        return server.get();
    }

    private Map<String, Object> loginProducerConfig(String bootstrap) {
        return OptionsFromSettings.kafka(settings, bootstrap).producer("rc-identity-login-ingest", Duration.ofSeconds(30));
    }
}
