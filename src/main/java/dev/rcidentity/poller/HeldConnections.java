package dev.rcidentity.poller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections a poller runs, by key, and their schedules. Holding one opens it, announces its account to the
 * published state, gives it a webhook subscription (push on) and, once sweeps are started, its schedule; releasing
 * one stops it, ends its schedule and lets its account's state go with the account's last connection.
 */
final class HeldConnections {
    private static final Logger log = LoggerFactory.getLogger(HeldConnections.class);
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(30);

    private final Map<String, RunningConnection> connections = new ConcurrentHashMap<>();
    private final PollerOptions options;
    private final Clock clock;
    private final HttpClient httpClient;
    private final PollerMetrics metrics;
    private final StateLoading loading;
    private final Sweeps sweeps;
    private final SweepSchedule schedule;
    private final PollerPush push;
    private boolean started;

    HeldConnections(PollerOptions options, Clock clock, PollerMetrics metrics, StateLoading loading, Sweeps sweeps,
                    SweepSchedule schedule, PollerPush push) {
        this.options = options;
        this.clock = clock;
        this.httpClient = RingCentralHttp.newClient(options.connectTimeout());
        this.metrics = metrics;
        this.loading = loading;
        this.sweeps = sweeps;
        this.schedule = schedule;
        this.push = push;
    }

    /** Schedules the sweeps of every connection held, now and from now on. */
    synchronized void startSweeps() {
        started = true;
        connections.values().forEach(this::schedule);
    }

    /** Opens and holds a connection (swept at once when sweeps are started), known to act in {@code accountId}. */
    synchronized RunningConnection hold(String key, ConnectionSettings settings, CredentialSink sink, String accountId) {
        RunningConnection connection = RunningConnection.open(key, settings, sink, httpClient, options, clock, System::nanoTime,
                metrics);
        if (connections.putIfAbsent(key, connection) != null) {
            throw new IllegalStateException("connection " + key + " is held already");
        }
        connection.accountId(accountId);
        loading.expect(accountId);
        push.hold(key, connection);
        if (started) {
            schedule(connection);
        }
        return connection;
    }

    private void schedule(RunningConnection connection) {
        schedule.start(connection.key(), new ScheduledSweep(connection, sweeps, schedule, push));
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
        push.release(key);
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
        if (connections.containsKey(key)) {
            push.delete(key);
        }
    }

    /** Halts every connection held (an exchange in progress completes first); they stay held. */
    void haltAll() throws InterruptedException {
        for (RunningConnection connection : connections.values()) {
            connection.halt();
        }
    }

    /** The connection named so; null when none is held. */
    RunningConnection byName(String name) {
        return connections.values().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The names of the connections held, sorted. */
    List<String> names() {
        return connections.values().stream().map(RunningConnection::name).sorted().toList();
    }

    int count() {
        return connections.size();
    }
}
