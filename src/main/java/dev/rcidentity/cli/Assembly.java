package dev.rcidentity.cli;

import dev.rcidentity.kafka.Settings;
import dev.rcidentity.kafka.StreamsSettings;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.poller.Poller;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HealthCheck;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import dev.rcidentity.query.QueryService;
import dev.rcidentity.query.StreamsHealth;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the parts a command runs, registers each with the lifecycle, and ties them to metrics and health. */
final class Assembly {
    private final Settings settings;
    private final Lifecycle lifecycle;
    private final Clock clock = Clock.systemUTC();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<HealthCheck> checks = new ArrayList<>();
    private PollerMeters pollerMeters;
    private StreamsService streams;

    Assembly(Settings settings, Lifecycle lifecycle) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    Poller startPoller(Settings pollerSettings) {
        Poller poller = lifecycle.add(Poller.fromSettings(pollerSettings, clock));
        pollerMeters = new PollerMeters(poller.metrics(), registry);
        checks.add(new PollerHealth(poller));
        poller.start();
        return poller;
    }

    StreamsService startStreams(String bootstrap) {
        streams = lifecycle.add(StreamsService.start(settings, bootstrap, lifecycle::fail));
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
            HostInfo self = HostInfo.buildFromEndpoint(StreamsSettings.applicationServer(settings));
            queries = lifecycle.add(QueryService.forStreams(streams.streams(), self, Topics.EXTENSIONS.name(), streams.partitions(), clock));
        }
        String host = settings.get(Settings.HTTP_HOST, "127.0.0.1");
        int port = settings.getInt(Settings.HTTP_PORT, 8080, 0, 65_535);
        Runnable beforeScrape = () -> {
            if (pollerMeters != null) {
                pollerMeters.refresh();
            }
        };
        return lifecycle.add(HttpApi.start(host, port, settings.get(Settings.API_TOKEN).orElse(null), queries, logins,
                checks, registry, beforeScrape, clock, options));
    }

    private Map<String, Object> loginProducerConfig(String bootstrap) {
        Map<String, Object> props = new HashMap<>(settings.kafkaClientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Duration.ofSeconds(30).toMillis()));
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Duration.ofSeconds(10).toMillis()));
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Duration.ofSeconds(10).toMillis()));
        return props;
    }
}
