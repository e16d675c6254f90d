package dev.rcidentity.bench;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.Headers;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import dev.rcidentity.query.QueryService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code GET /v1/identities/{ownerId}} through the HTTP API of instance A, at a fixed concurrency: for keys A owns
 * (answered from its store) and for keys a second instance B owns (A forwards them), beside A's cheapest endpoint,
 * {@code /health/live}, as the HTTP floor. B joins A's application with its own state directory and takes over half
 * the tasks at once ({@link StreamsApp#config} sets acceptable.recovery.lag so that the assignor does not wait for
 * warm-up replicas).
 */
final class LookupLoad {
    static final String SECTION = "5. Lookups";
    static final String FLOOR = "HTTP floor: GET /health/live";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int KEYS = 500;

    private record Load(double requestsPerSecond, double p50Ms, double p99Ms, int unexpected) {
    }

    private final BenchKafka kafka;
    private final BenchOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LookupLoad(BenchKafka kafka, BenchOptions options) {
        this.kafka = kafka;
        this.options = options;
    }

    /** {@code a} runs with {@code config}, whose application.server is {@code portA}. */
    List<Figure> run(StreamsApp a, Properties config, int portA, Path stateDirB,
                     Function<Properties, Topology> topology, Workload workload) throws Exception {
        Properties configB = (Properties) config.clone();
        int portB = BenchKafka.freePort();
        configB.put(StreamsConfig.STATE_DIR_CONFIG, stateDirB.toString());
        configB.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + portB);
        try (KafkaProducer<String, dev.rcidentity.model.LoginEvent> logins = kafka.producer(
                Topics.LOGINS.keySerde().serializer(), Topics.LOGINS.valueSerde().serializer(), 5);
             ApiServer apiA = api(a, portA, logins);
             StreamsApp b = StreamsApp.start(kafka, configB, topology, null);
             ApiServer apiB = api(b, portB, logins)) {
            awaitSplit(a, b);
            List<String> local = new ArrayList<>();
            List<String> remote = new ArrayList<>();
            HostInfo hostA = new HostInfo("127.0.0.1", portA);
            for (int draws = 0; local.size() < KEYS || remote.size() < KEYS; draws++) {
                if (draws > 100 * KEYS) {
                    throw new IllegalStateException("The tasks are not split between the two instances: " + local.size()
                            + " keys on A, " + remote.size() + " on B");
                }
                String owner = workload.logins.randomOwnerId();
                KeyQueryMetadata metadata = a.streams.queryMetadataForKey(StateStores.IDENTITIES.name(), owner,
                        new StringSerializer());
                (hostA.equals(metadata.activeHost()) ? local : remote).add(owner);
            }
            awaitAnswer(portA, "/v1/identities/" + remote.get(0));
            awaitAnswer(portA, "/v1/identities/" + local.get(0));

            List<Load> floor = new ArrayList<>();
            List<Load> locals = new ArrayList<>();
            List<Load> forwarded = new ArrayList<>();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                floor.add(load(portA, List.of("/health/live"), null));
                locals.add(load(portA, local.stream().map(k -> "/v1/identities/" + k).toList(), "local"));
                forwarded.add(load(portA, remote.stream().map(k -> "/v1/identities/" + k).toList(), "forwarded"));
            }
            Figure floorFigure = figure(FLOOR, floor, null);
            return List.of(floorFigure,
                    p99(FLOOR, floor),
                    figure("local keys", locals, null).relativeTo(floorFigure)
                            .against(">= 0.7 x floor", Stats.median(rates(locals)) >= 0.7 * floorFigure.value()),
                    p99("local keys", locals),
                    figure("forwarded keys", forwarded, null).relativeTo(floorFigure)
                            .against(">= 0.35 x floor", Stats.median(rates(forwarded)) >= 0.35 * floorFigure.value()),
                    p99("forwarded keys", forwarded));
        }
    }

    private ApiServer api(StreamsApp app, int port, KafkaProducer<String, dev.rcidentity.model.LoginEvent> logins)
            throws java.io.IOException {
        QueryService queries = QueryService.forStreams(app.streams, new HostInfo("127.0.0.1", port), Topics.EXTENSIONS.name(),
                kafka.partitions(), Clock.systemUTC());
        return HttpApi.start("127.0.0.1", port, null, app.applicationId, queries, logins, List.of(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> { }, Clock.systemUTC(), HttpServerOptions.defaults());
    }

    /**
     * Until both instances hold active partitions of the identities (the cooperative rebalance takes more than one
     * round).
     */
    private static void awaitSplit(StreamsApp a, StreamsApp b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            a.awaitRunning();
            b.awaitRunning();
            var clients = a.streams.metadataForAllStreamsClients();
            if (clients.size() == 2 && clients.stream().allMatch(c -> c.topicPartitions().stream()
                    .anyMatch(tp -> tp.topic().equals(Topics.EXTENSIONS.name())))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The identities are not split between the instances within 2 minutes: "
                        + clients);
            }
            Thread.sleep(200);
        }
    }

    private void awaitAnswer(int port, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (get(port, path).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(path + " is not answered with 200 after 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<byte[]> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * {@code lookupRequests} GETs cycling over {@code paths} from {@code lookupConcurrency} threads. A response that
     * is not 200, or not served the {@code expectedFrom} way, counts as unexpected.
     */
    private Load load(int port, List<String> paths, String expectedFrom) throws Exception {
        int total = options.lookupRequests();
        double[] latencies = new double[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.lookupConcurrency());
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < options.lookupConcurrency(); t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = get(port, paths.get(i % paths.size()));
                            latencies[i] = (System.nanoTime() - sent) / 1e6;
                            boolean servedRight = expectedFrom == null || expectedFrom.equals(
                                    response.headers().firstValue(Headers.SERVED_FROM).orElse(null));
                            if (response.statusCode() != 200 || !servedRight) {
                                unexpected.incrementAndGet();
                            }
                        } catch (Exception e) {
                            latencies[i] = (System.nanoTime() - sent) / 1e6;
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = Stats.perSecond(total, System.nanoTime() - start);
        return new Load(rate, Stats.percentile(latencies, 50), Stats.percentile(latencies, 99),
                unexpected.get() + (int) failures.get());
    }

    private Figure figure(String name, List<Load> loads, String note) {
        int unexpected = loads.stream().mapToInt(Load::unexpected).sum();
        String text = String.format("%,d requests per repetition from %d threads, p50 %.2f ms; %d answers not 200 or "
                        + "not served as expected", options.lookupRequests(), options.lookupConcurrency(),
                Stats.median(loads.stream().map(Load::p50Ms).toList()), unexpected);
        return Figure.info(SECTION, name, Stats.median(rates(loads)), "requests/s", rates(loads),
                note == null ? text : note + "; " + text);
    }

    private static Figure p99(String name, List<Load> loads) {
        List<Double> samples = loads.stream().map(Load::p99Ms).toList();
        Figure figure = Figure.info(SECTION, name + " p99", Stats.median(samples), "ms", samples, null);
        return name.equals(FLOOR) ? figure : figure.against("<= 10 ms", figure.value() <= 10);
    }

    private static List<Double> rates(List<Load> loads) {
        return loads.stream().map(Load::requestsPerSecond).toList();
    }
}
