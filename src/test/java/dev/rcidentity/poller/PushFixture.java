package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import dev.rcidentity.simulator.RateLimitGroup;
import dev.rcidentity.simulator.RecordedRequest;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;
import dev.rcidentity.webhooks.ConnectionTokens;
import dev.rcidentity.webhooks.NotificationWriter;
import dev.rcidentity.webhooks.WebhookReceiver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Push end to end but for the topology: the simulator, an embedded broker, the webhook receiver on loopback (which
 * can be told to refuse every delivery), and a poller running the connections of rc.connections.v1 with push on.
 */
final class PushFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    final KafkaTestCluster cluster;
    final KafkaClients kafka;
    final RingCentralSimulator sim;
    final CredentialCipher cipher;
    final ConnectionStore store;
    final NotificationWriter writer;
    final ApiServer receiver;
    final Poller poller;
    final ConnectionRunner runner;
    /** While set, the receiver answers every delivery 404, as for a subscription it does not know. */
    final AtomicBoolean refuse = new AtomicBoolean();
    /** Completed sweeps by connectionId. */
    final Map<String, AtomicInteger> sweeps = new ConcurrentHashMap<>();

    PushFixture(Path dir, PushOptions push) throws Exception {
        cluster = KafkaTestCluster.start(dir, 2);
        kafka = KafkaClients.of(Map.of(), cluster.bootstrapServers());
        SimulatorOptions.Builder options = SimulatorOptions.builder().accounts(4).extensionsPerAccount(10).seed(7);
        for (RateLimitGroup group : RateLimitGroup.values()) {
            options.limit(group, 1000);
        }
        sim = RingCentralSimulator.start(options.build());
        cipher = new CredentialCipher(CredentialKeys.of(CredentialKeys.generate(), List.of()));
        store = ConnectionStore.start(kafka, WAIT);
        writer = NotificationWriter.start(kafka, Duration.ofSeconds(10));
        ConnectionTokens tokens = new ConnectionTokens(store, cipher);
        receiver = HttpApi.start("127.0.0.1", 0, null, "push-test", null, new MockProducer<String, LoginEvent>(),
                List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> { }, Clock.systemUTC(),
                HttpServerOptions.defaults(), List.of(new WebhookReceiver(
                        id -> refuse.get() ? Optional.empty() : tokens.of(id), writer,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC())));
        poller = Poller.create(TestConnections.FAST.withPollInterval(POLL_INTERVAL), kafka, Clock.systemUTC());
        poller.enablePush(new PushOptions(URI.create("http://127.0.0.1:" + receiver.port()), push.checkInterval(),
                push.pollIntervalWithPush(), push.expiresIn(), push.renewAhead(), push.window(), push.burstLimit()),
                store, cipher);
        poller.addSweepListener((connection, outcome) -> {
            if (outcome.completed()) {
                sweeps.computeIfAbsent(connection.key(), k -> new AtomicInteger()).incrementAndGet();
            }
        });
        runner = ConnectionRunner.start(poller, store, cipher, kafka, "push-test", "push-instance", Clock.systemUTC());
    }

    /** A refresh-token connection of the account's admin, as onboarding writes one. */
    Connection connect(String name, String accountId) {
        String id = Connection.newId(RANDOM);
        Instant now = Instant.now();
        Connection connection = new Connection(id, name, sim.baseUrl().toString(), sim.appCredentials().clientId(),
                Connection.GRANT_REFRESH_TOKEN, null, null, Connection.ACTIVE, null, now, now, cipher.encrypt(id,
                Secrets.forRefreshToken(sim.appCredentials().clientSecret(), TestConnections.refreshToken(sim, accountId))));
        store.put(connection);
        return connection;
    }

    Secrets secretsOf(String connectionId) {
        return cipher.decrypt(connectionId, store.get(connectionId).orElseThrow().credential());
    }

    int sweepsOf(String connectionId) {
        return sweeps.computeIfAbsent(connectionId, k -> new AtomicInteger()).get();
    }

    /** The simulator's answered requests whose method and path start as given, for the account's admin. */
    List<RecordedRequest> requests(String method, String pathPrefix) {
        return sim.requests().stream().filter(r -> r.method().equals(method) && r.pathAndQuery().startsWith(pathPrefix))
                .toList();
    }

    @Override
    public void close() {
        runner.close();
        poller.close();
        receiver.close();
        writer.close();
        store.close();
        sim.close();
        cluster.close();
    }
}
