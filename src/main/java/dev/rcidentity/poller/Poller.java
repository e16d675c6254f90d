package dev.rcidentity.poller;

import dev.rcidentity.config.SettingsException;
import dev.rcidentity.kafka.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sweeps every connection every poll interval (the first sweep at once) and publishes what changed to Kafka.
 * {@link #close()} interrupts sweeps in progress and returns promptly.
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration STATE_LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_THREADS = 8;

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final PollerOptions options;
    private final KafkaClients kafka;
    private final PollerMetrics metrics = new PollerMetrics();
    private final PublishedState state = new PublishedState();
    private final SnapshotPublisher publisher;
    private final ConnectionSweeper sweeper;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();
    private boolean stateLoaded;
    private boolean started;
    private boolean closed;

    private Poller(List<ConnectionSettings> connectionSettings, PollerOptions options, KafkaClients kafka, Clock clock) {
        this.options = options;
        this.kafka = kafka;
        HttpClient httpClient = RingCentralHttp.newClient(options.connectTimeout());
        for (ConnectionSettings settings : connectionSettings) {
            if (connections.putIfAbsent(settings.name(), Connection.open(settings, httpClient, options, clock,
                    metrics)) != null) {
                throw new SettingsException("Two RingCentral connections are named '" + settings.name() + "'");
            }
        }
        this.publisher = new SnapshotPublisher(new KafkaProducer<>(kafka.producer("rc-identity-poller",
                options.publishTimeout()), new ByteArraySerializer(), new ByteArraySerializer()), options.publishTimeout());
        this.sweeper = new ConnectionSweeper(state, publisher, metrics, clock);
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.min(Math.max(1, connections.size()), MAX_THREADS), r -> {
            Thread thread = new Thread(r, "rc-poller-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A poller for these connections, publishing through {@code kafka}'s clients. Nothing runs before {@link #start()}. */
    public static Poller create(List<ConnectionSettings> connections, PollerOptions options, KafkaClients kafka,
                                Clock clock) {
        return new Poller(connections, options, kafka, clock);
    }

    /** Loads what was published before, then sweeps every connection now and every poll interval after. */
    public synchronized void start() {
        if (started) {
            return;
        }
        loadPublishedState();
        started = true;
        long interval = options.pollInterval().toMillis();
        connections.values().forEach(connection -> schedules.put(connection.name(),
                scheduler.scheduleAtFixedRate(() -> scheduledSweep(connection), 0, interval, TimeUnit.MILLISECONDS)));
        log.info("Poller started: {} connection(s) {}, a sweep every {}", connections.size(), connections.keySet(),
                options.pollInterval());
    }

    /** Reads the compacted topics once (done by {@link #start()} and the first {@link #sweepOnce}). */
    public synchronized void loadPublishedState() {
        if (!stateLoaded) {
            state.load(kafka, STATE_LOAD_TIMEOUT);
            stateLoaded = true;
        }
    }

    /** Runs one sweep of the named connection now, in the caller's thread, waiting for one in progress to end. */
    public SweepOutcome sweepOnce(String connectionName) throws InterruptedException {
        Connection connection = connections.get(connectionName);
        if (connection == null) {
            throw new IllegalArgumentException("No connection named '" + connectionName + "'");
        }
        loadPublishedState();
        return sweep(connection);
    }

    public List<String> connectionNames() {
        return List.copyOf(connections.keySet());
    }

    /** True once RingCentral rejected the connection's credentials. */
    public boolean isStopped(String connectionName) {
        Connection connection = connections.get(connectionName);
        return connection != null && connection.stopped();
    }

    public PollerMetrics metrics() {
        return metrics;
    }

    private SweepOutcome sweep(Connection connection) throws InterruptedException {
        if (connection.stopped()) {
            return new SweepOutcome(connection.name(), SweepOutcome.Status.STOPPED, connection.accountId(), 0, 0, 0,
                    0, false, 0, Duration.ZERO, "stopped earlier: credentials rejected");
        }
        connection.sweepLock().lockInterruptibly();
        try {
            return sweeper.sweep(connection);
        } finally {
            connection.sweepLock().unlock();
        }
    }

    private void scheduledSweep(Connection connection) {
        try {
            if (sweep(connection).status() == SweepOutcome.Status.STOPPED) {
                ScheduledFuture<?> schedule = schedules.remove(connection.name());
                if (schedule != null) {
                    schedule.cancel(false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A task that throws is never run again: log and keep the schedule.
            log.error("Connection '{}': sweep crashed", connection.name(), e);
        }
    }

    /** Stops the sweeps (interrupting waits and requests in progress) and closes the Kafka producer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Poller threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
        log.info("Poller stopped");
    }

    /** True once every sweep thread has ended (after {@link #close()}). */
    boolean terminated() {
        return scheduler.isTerminated();
    }
}
