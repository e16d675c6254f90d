package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialException;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ConnectionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the connections of {@code rc.connections.v1} this instance holds: an ACTIVE connection is swept from its
 * newest record; a removed one is stopped and its token revoked at RingCentral; a DISABLED or REJECTED one is
 * stopped. One thread looks at each change, in order, always at the newest record. A record no configured key opens
 * becomes REJECTED naming the key id, and so does a credential RingCentral refuses, naming its error code; the other
 * connections go on.
 */
public final class ConnectionRunner implements ConnectionAssignment.Holder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionRunner.class);
    private static final Duration WRITE_BACKOFF = Duration.ofSeconds(1);

    private final Map<String, HeldCredential> held = new ConcurrentHashMap<>();
    private final Poller poller;
    private final ConnectionAssignment assignment;
    private final ConnectionCatalog records;
    private final CredentialCipher cipher;
    private final StatusPublisher status;
    private final RecordUpdates updates;
    private final Clock clock;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rc-poller-connections");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionRunner(Poller poller, ConnectionAssignment assignment, ConnectionCatalog records, CredentialCipher cipher,
                     StatusPublisher status, Clock clock) {
        this.poller = poller;
        this.assignment = assignment;
        this.records = records;
        this.cipher = cipher;
        this.status = status;
        this.updates = new RecordUpdates(records, clock);
        this.clock = clock;
    }

    /**
     * Runs every connection of {@code store} on {@code poller} (started here when it was not), reporting to the
     * internal status topic of {@code applicationId} as {@code instance}.
     */
    public static ConnectionRunner start(Poller poller, ConnectionStore store, CredentialCipher cipher,
                                         KafkaClients kafka, String applicationId, String instance, Clock clock) {
        return start(poller, new AllConnections(store), store, cipher, kafka, applicationId, instance, clock);
    }

    /**
     * As {@link #start}, for the connections of the {@code rc.connections.v1} partitions consumer group
     * {@code groupId} assigns to this instance; several instances share the connections that way.
     */
    public static ConnectionRunner startInGroup(Poller poller, ConnectionStore store, CredentialCipher cipher,
                                                KafkaClients kafka, String applicationId, String instance,
                                                String groupId, Clock clock) {
        return start(poller, new GroupAssignment(store, kafka, groupId), store, cipher, kafka, applicationId,
                instance, clock);
    }

    private static ConnectionRunner start(Poller poller, ConnectionAssignment assignment, ConnectionStore store,
                                          CredentialCipher cipher, KafkaClients kafka, String applicationId,
                                          String instance, Clock clock) {
        ConnectionRunner runner = new ConnectionRunner(poller, assignment, store,
                cipher, StatusPublisher.start(kafka, applicationId, instance, clock), clock);
        poller.addSweepListener(runner::swept);
        poller.loadStateByAccount();
        if (poller.push() != null) {
            poller.push().addListener((id, info) -> runner.status.subscription(id,
                    new ConnectionStatus.Subscription(info.id(), info.status(), info.expiresAt())));
        }
        poller.start();
        runner.assignment.start(runner);
        return runner;
    }

    /** True once this instance knows which connections it holds (its first assignment read). */
    public boolean assignmentLoaded() {
        return assignment.loaded();
    }

    /** The connectionIds this instance runs now. */
    public Set<String> held() {
        return Set.copyOf(held.keySet());
    }

    /** Looks at the connection's newest record, after every change told before, on the runner's thread. */
    @Override
    public void changed(String connectionId) {
        events.execute(() -> reconcile(connectionId));
    }

    @Override
    public void dropped(String connectionId) {
        awaitEvent(() -> stop(connectionId, false));
    }

    private void reconcile(String id) {
        try {
            Optional<Connection> latest = records.get(id);
            if (latest.isEmpty()) {
                boolean removed = !records.unreadable(id);
                stop(id, removed);
                if (removed) {
                    updates.removed(id);
                    status.removed(id);
                }
            } else if (updates.wasRemoved(id)) {
                log.warn("Connection {}: a write reached rc.connections.v1 after its removal; removing it again", id);
                records.remove(id);
            } else if (!Connection.ACTIVE.equals(latest.get().status())) {
                stop(id, false);
                updates.reactivateIfReadable(latest.get(), cipher);
            } else {
                run(latest.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Connection {}: cannot act on its newest record: {}", id, e.toString());
        }
    }

    private void run(Connection record) throws InterruptedException {
        String id = record.connectionId();
        Secrets secrets;
        try {
            secrets = cipher.decrypt(id, record.credential());
        } catch (CredentialException e) {
            stop(id, false);
            updates.reject(id, RecordUpdates.UNREADABLE + e.getMessage());
            return;
        }
        HeldCredential wanted = HeldCredential.of(record, secrets);
        HeldCredential running = held.get(id);
        if (running != null && running.runsLike(wanted)) {
            return;
        }
        stop(id, false);
        ConnectionSettings settings;
        try {
            settings = wanted.settings();
        } catch (RuntimeException e) {
            updates.reject(id, "the record is incomplete: " + e.getMessage());
            return;
        }
        CredentialSink sink = wanted.durableRefreshToken()
                ? new DurableCredentials(id, secrets, records, cipher, clock, WRITE_BACKOFF) : CredentialSink.IN_MEMORY;
        poller.hold(id, settings, sink, record.accountId());
        held.put(id, wanted);
        status.held(id, poller.nextSweepAt(id), assignment.assignmentOf(id));
        log.info("Connection '{}' ({}) held: sweeping it", record.name(), id);
    }

    /** Stops a held connection (no exchange after this returns); {@code revoke}: its token too, at RingCentral. */
    private void stop(String id, boolean revoke) throws InterruptedException {
        if (held.remove(id) == null) {
            return;
        }
        if (revoke) {
            poller.deleteSubscription(id);
        }
        RunningConnection released = poller.release(id);
        if (revoke && released != null) {
            poller.revoke(released).whenComplete((revoked, e) -> {
                if (e != null) {
                    log.warn("Connection {}: revoking its token at RingCentral failed: {}", id, e.getMessage());
                } else {
                    log.info("Connection {} removed: sweeps stopped{}", id, revoked ? ", token revoked" : "");
                }
            });
        } else {
            status.released(id);
        }
    }

    /** After every sweep, on the sweeping thread: the status, a rejection, the account and owner once known. */
    private void swept(RunningConnection connection, SweepOutcome outcome) {
        String id = connection.key();
        if (!held.containsKey(id)) {
            return;
        }
        status.swept(id, outcome, poller.nextSweepAt(id));
        if (connection.rejected()) {
            String code = connection.rejection();
            updates.reject(id, "RingCentral refused the credential (" + (code == null ? "no error code" : code) + ")");
        } else {
            updates.learnOwner(id, outcome.accountId(), connection.tokens().ownerId());
        }
    }

    private void awaitEvent(InterruptibleTask task) {
        try {
            events.submit(() -> {
                task.run();
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Stopping a connection failed: {}", e.getCause().toString());
        }
    }

    private interface InterruptibleTask {
        void run() throws InterruptedException;
    }

    /** Lets every connection go (their last refresh tokens stored) and says so in the status topic. */
    @Override
    public void close() {
        assignment.close();
        awaitEvent(() -> {
            for (String id : held()) {
                stop(id, false);
            }
        });
        events.shutdownNow();
        try {
            events.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status.close();
    }
}
