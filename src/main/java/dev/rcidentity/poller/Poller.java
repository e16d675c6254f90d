package dev.rcidentity.poller;

import dev.rcidentity.config.SettingsException;
import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.kafka.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sweeps every connection it holds every poll interval (the first sweep at once) and publishes what changed to
 * Kafka. Connections are held and released while it runs ({@link #hold}, {@link #release}); {@link #close()}
 * interrupts sweeps in progress (never a token exchange) and returns promptly.
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STATE_CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(30);

    private final Map<String, RunningConnection> connections = new ConcurrentHashMap<>();
    private final PollerOptions options;
    private final KafkaClients kafka;
    private final Clock clock;
    private final HttpClient httpClient;
    private final PollerMetrics metrics = new PollerMetrics();
    private final PublishedState state = new PublishedState();
    private final StateLoading loading;
    private final SnapshotPublisher publisher;
    private final Sweeps sweeps;
    private final SweepSchedule schedule;
    /** Null while push is off (no WEBHOOK_BASE_URL). */
    private volatile PushSubscriptions push;
    private NotificationConsumer notifications;
    private boolean started;
    private boolean closed;

    private Poller(PollerOptions options, SweepPacing pacing, KafkaClients kafka, Clock clock) {
        this.options = options;
        this.kafka = kafka;
        this.clock = clock;
        this.httpClient = RingCentralHttp.newClient(options.connectTimeout());
        this.publisher = new SnapshotPublisher(new KafkaProducer<>(kafka.producer("rc-identity-poller",
                options.publishTimeout()), new ByteArraySerializer(), new ByteArraySerializer()), options.publishTimeout());
        this.loading = new StateLoading(state, kafka, STATE_LOAD_TIMEOUT);
        this.sweeps = new Sweeps(new ConnectionSweeper(state, loading, publisher, metrics, clock));
        this.schedule = new SweepSchedule(options.pollInterval(), pacing, clock);
    }

    /** A poller holding no connection yet, publishing through {@code kafka}'s clients. */
    public static Poller create(PollerOptions options, KafkaClients kafka, Clock clock) {
        return create(options, SweepPacing.DEFAULT, kafka, clock);
    }

    /** As {@link #create(PollerOptions, KafkaClients, Clock)}, its sweeps paced by {@code pacing}. */
    public static Poller create(PollerOptions options, SweepPacing pacing, KafkaClients kafka, Clock clock) {
        return new Poller(options, pacing, kafka, clock);
    }

    /** A poller for these connections, by name, rotated refresh tokens in memory only (the bench and tests). */
    public static Poller create(List<ConnectionSettings> connections, PollerOptions options, KafkaClients kafka,
                                Clock clock) {
        Poller poller = new Poller(options, SweepPacing.DEFAULT, kafka, clock);
        Set<String> names = new HashSet<>();
        for (ConnectionSettings settings : connections) {
            if (!names.add(settings.name())) {
                poller.close();
                throw new SettingsException("Two RingCentral connections are named '" + settings.name() + "'");
            }
            poller.hold(settings.name(), settings, CredentialSink.IN_MEMORY);
        }
        return poller;
    }

    /**
     * Turns the push fast path on (before {@link #start()}): every connection held from now on keeps a webhook
     * subscription, its token stored in {@code records}, and sweeps every {@code pollIntervalWithPush} while it is
     * healthy.
     */
    public synchronized void enablePush(PushOptions pushOptions, ConnectionCatalog records, CredentialCipher cipher) {
        if (push == null) {
            push = new PushSubscriptions(pushOptions, options.pollInterval(), records, cipher, clock,
                    connection -> schedule.run(() -> sweeps.sweep(connection)));
            sweeps.addListener((connection, outcome) -> push.swept(connection.key(), outcome));
            notifications = new NotificationConsumer(kafka, push, new PushFetcher(state, loading, publisher, metrics, clock),
                    pushOptions, clock);
        }
    }

    /**
     * Loads what was published before (unless {@link #loadStateByAccount}), then sweeps every connection held now and
     * every poll interval after.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (!loading.isByAccount()) {
            loadPublishedState();
        }
        if (notifications != null) {
            notifications.start(STATE_LOAD_TIMEOUT);
        }
        started = true;
        connections.values().forEach(this::schedule);
        log.info("Poller started: {} connection(s) held, a sweep every {}", connections.size(), options.pollInterval());
    }

    /** Reads the published state of an account before its first sweep here, not every account's at start. */
    void loadStateByAccount() {
        loading.byAccount();
    }

    /** Starts running a connection (sweeping at once when started). */
    RunningConnection hold(String key, ConnectionSettings settings, CredentialSink sink) {
        return hold(key, settings, sink, null);
    }

    /** As {@link #hold(String, ConnectionSettings, CredentialSink)}, for a connection known to act in {@code accountId}. */
    synchronized RunningConnection hold(String key, ConnectionSettings settings, CredentialSink sink, String accountId) {
        if (closed) {
            throw new IllegalStateException("the poller is closed");
        }
        RunningConnection connection = RunningConnection.open(key, settings, sink, httpClient, options, clock, System::nanoTime,
                metrics);
        if (connections.putIfAbsent(key, connection) != null) {
            throw new IllegalStateException("connection " + key + " is held already");
        }
        connection.accountId(accountId);
        loading.expect(accountId);
        if (push != null) {
            push.hold(key, connection);
        }
        if (started) {
            schedule(connection);
        }
        return connection;
    }

    /**
     * Stops running a connection: no token exchange after this returns (one in progress completes, its refresh token
     * stored), a sweep in progress is interrupted and waited for (bounded). Returns the stopped connection, null when
     * it was not held.
     */
    RunningConnection release(String key) throws InterruptedException {
        RunningConnection connection = connections.remove(key);
        if (connection == null) {
            return null;
        }
        if (push != null) {
            push.release(key);
        }
        connection.halt();
        schedule.cancel(key, true);
        if (!connection.awaitIdle(RELEASE_WAIT)) {
            log.warn("Connection '{}': the sweep in progress did not end within {} of its release", connection.name(),
                    RELEASE_WAIT);
        }
        String account = connection.accountId();
        if (account != null && connections.values().stream().noneMatch(c -> account.equals(c.accountId()))) {
            loading.forget(account);
        }
        return connection;
    }

    /** The connection is removed: its webhook subscription is deleted at RingCentral (before its release). */
    void deleteSubscription(String key) throws InterruptedException {
        if (push != null && connections.containsKey(key)) {
            push.delete(key);
        }
    }

    /** The newest receipt time of the notifications handled (fetched, swept or skipped); EPOCH while push is off. */
    Instant notificationsHandledThrough() {
        return notifications == null ? Instant.EPOCH : notifications.handledThrough();
    }

    /** The webhook subscriptions of the connections held; null while push is off. */
    PushSubscriptions push() {
        return push;
    }

    /** Revokes a released connection's token at RingCentral, on a poller thread. */
    CompletableFuture<Boolean> revoke(RunningConnection released) {
        return schedule.run(released::revoke);
    }

    void addSweepListener(Sweeps.Listener listener) {
        sweeps.addListener(listener);
    }

    /** When the connection's next scheduled sweep starts; null when none is scheduled. */
    Instant nextSweepAt(String key) {
        return schedule.next(key);
    }

    /** Reads the compacted topics once (done by {@link #start()} and the first {@link #sweepOnce}). */
    public void loadPublishedState() {
        loading.loadEverything();
    }

    /** Runs one sweep of the named connection now, in the caller's thread, waiting for one in progress to end. */
    public SweepOutcome sweepOnce(String connectionName) throws InterruptedException {
        RunningConnection connection = byName(connectionName);
        if (connection == null) {
            throw new IllegalArgumentException("No connection named '" + connectionName + "'");
        }
        loadPublishedState();
        return sweeps.sweep(connection);
    }

    /** The names of the connections held, sorted. */
    public List<String> connectionNames() {
        return connections.values().stream().map(RunningConnection::name).sorted().toList();
    }

    /** How many connections this instance holds now. */
    public int heldCount() {
        return connections.size();
    }

    /** True once RingCentral rejected the connection's credentials. */
    public boolean isStopped(String connectionName) {
        RunningConnection connection = byName(connectionName);
        return connection != null && connection.stopped();
    }

    public PollerMetrics metrics() {
        return metrics;
    }

    private RunningConnection byName(String name) {
        return connections.values().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private void schedule(RunningConnection connection) {
        schedule.start(connection.key(), () -> scheduledSweep(connection));
    }

    private void scheduledSweep(RunningConnection connection) {
        if (push != null && !push.sweepDue(connection.key())) {
            return;
        }
        try {
            if (sweeps.sweep(connection).status() == SweepOutcome.Status.STOPPED) {
                schedule.cancel(connection.key(), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A task that throws is never run again: log and keep the schedule.
            log.error("Connection '{}': sweep crashed", connection.name(), e);
        }
    }

    /** Stops the sweeps (an exchange in progress completes first, the rest is interrupted); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (RunningConnection connection : connections.values()) {
                connection.halt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (push != null) {
            notifications.close();
            push.close();
        }
        schedule.shutdown();
        try {
            loading.close(STATE_CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
        log.info("Poller stopped");
    }

    /** True once every sweep thread has ended (after {@link #close()}). */
    boolean terminated() {
        return schedule.terminated();
    }
}
