package dev.rcidentity.poller;

import dev.rcidentity.config.SettingsException;
import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sweeps every connection it holds every poll interval (the first sweep at once) and publishes what changed to
 * Kafka. Connections are held and released while it runs ({@link #hold}, {@link #release}); {@link #close()}
 * interrupts sweeps in progress (never a token exchange) and returns promptly. Its parts are wired by
 * {@link PollerParts}: the connections and their schedules are kept by {@link HeldConnections}, what is published
 * goes through {@link PollerPublishing}, push lives in {@link PollerPush}.
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final PollerOptions options;
    private final PollerParts parts;
    private boolean started;
    private boolean closed;

    private Poller(PollerOptions options, SweepPacing pacing, KafkaClients kafka, Clock clock) {
        this.options = options;
        this.parts = new PollerParts(options, pacing, kafka, clock);
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
            poller.hold(settings.name(), settings, CredentialSink.IN_MEMORY, null);
        }
        return poller;
    }

    /**
     * Turns the push fast path on (before {@link #start()}): every connection held from now on keeps a webhook
     * subscription, its token stored in {@code records}, and sweeps every {@code pollIntervalWithPush} while it is
     * healthy.
     */
    public synchronized void enablePush(PushOptions pushOptions, ConnectionCatalog records, CredentialCipher cipher) {
        parts.enablePush(pushOptions, records, cipher);
    }

    /**
     * Loads what was published before (unless {@link #loadStateByAccount}), then sweeps every connection held now and
     * every poll interval after.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (!parts.publishing().loading().isByAccount()) {
            loadPublishedState();
        }
        parts.push().start(PollerPublishing.STATE_LOAD_TIMEOUT);
        started = true;
        parts.connections().startSweeps();
        log.info("Poller started: {} connection(s) held, a sweep every {}", parts.connections().count(),
                options.pollInterval());
    }

    /** Reads the published state of an account before its first sweep here, not every account's at start. */
    void loadStateByAccount() {
        parts.publishing().loading().byAccount();
    }

    /** Starts running a connection (sweeping at once when started), known to act in {@code accountId} (or null). */
    synchronized RunningConnection hold(String key, ConnectionSettings settings, CredentialSink sink,
                                       String accountId) {
        if (closed) {
            throw new IllegalStateException("the poller is closed");
        }
        return parts.connections().hold(key, settings, sink, accountId);
    }

    /** Stops running a connection, see {@link HeldConnections#release}; null when it was not held. */
    RunningConnection release(String key) throws InterruptedException {
        return parts.connections().release(key);
    }

    /** The connection is removed: its webhook subscription is deleted at RingCentral (before its release). */
    void deleteSubscription(String key) throws InterruptedException {
        parts.connections().deleteSubscription(key);
    }

    /** The newest receipt time of the notifications handled (fetched, swept or skipped); EPOCH while push is off. */
    Instant notificationsHandledThrough() {
        return parts.push().handledThrough();
    }

    /** The webhook subscriptions of the connections held; null while push is off. */
    PushSubscriptions push() {
        return parts.push().subscriptions();
    }

    /** Revokes a released connection's token at RingCentral, on a poller thread. */
    CompletableFuture<Boolean> revoke(RunningConnection released) {
        return parts.schedule().run(released::revoke);
    }

    void addSweepListener(Sweeps.Listener listener) {
        parts.sweeps().addListener(listener);
    }

    /** When the connection's next scheduled sweep starts; null when none is scheduled. */
    Instant nextSweepAt(String key) {
        return parts.schedule().next(key);
    }

    /** Reads the compacted topics once (done by {@link #start()} and the first {@link #sweepOnce}). */
    public void loadPublishedState() {
        parts.publishing().loading().loadEverything();
    }

    /** Runs one sweep of the named connection now, in the caller's thread, waiting for one in progress to end. */
    public SweepOutcome sweepOnce(String connectionName) throws InterruptedException {
        RunningConnection connection = parts.connections().byName(connectionName);
        if (connection == null) {
            throw new IllegalArgumentException("No connection named '" + connectionName + "'");
        }
        loadPublishedState();
        return parts.sweeps().sweep(connection);
    }

    /** The names of the connections held, sorted. */
    public List<String> connectionNames() {
        return parts.connections().names();
    }

    /** How many connections this instance holds now. */
    public int heldCount() {
        return parts.connections().count();
    }

    /** True once RingCentral rejected the connection's credentials. */
    public boolean isStopped(String connectionName) {
        RunningConnection connection = parts.connections().byName(connectionName);
        return connection != null && connection.stopped();
    }

    public PollerMetrics metrics() {
        return parts.publishing().metrics();
    }

    /** Stops the sweeps (an exchange in progress completes first, the rest is interrupted); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        parts.close();
        log.info("Poller stopped");
    }

    /** True once every sweep thread has ended (after {@link #close()}). */
    boolean terminated() {
        return parts.schedule().terminated();
    }
}
