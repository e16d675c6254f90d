package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialException;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.model.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings what the poller runs in line with a connection's newest record: an ACTIVE one is held, from its newest
 * credential; a removed one is stopped and its token revoked at RingCentral; a DISABLED or REJECTED one is stopped.
 * A record no configured key opens becomes REJECTED naming the key id, and so does a credential RingCentral refuses,
 * naming its error code. Called on the {@link ConnectionRunner}'s one thread, except {@link #swept}.
 */
final class ConnectionReconciler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionReconciler.class);
    private static final Duration WRITE_BACKOFF = Duration.ofSeconds(1);

    private final Map<String, HeldCredential> held = new ConcurrentHashMap<>();
    private final Poller poller;
    private final ConnectionAssignment assignment;
    private final ConnectionCatalog records;
    private final CredentialCipher cipher;
    private final StatusPublisher status;
    private final RecordUpdates updates;
    private final Clock clock;

    ConnectionReconciler(Poller poller, ConnectionAssignment assignment, ConnectionCatalog records,
                         CredentialCipher cipher, StatusPublisher status, Clock clock) {
        this.poller = poller;
        this.assignment = assignment;
        this.records = records;
        this.cipher = cipher;
        this.status = status;
        this.updates = new RecordUpdates(records, clock);
        this.clock = clock;
    }

    /** The connectionIds held now. */
    Set<String> held() {
        return Set.copyOf(held.keySet());
    }

    /** Acts on the connection's newest record; a failure is logged, the other connections go on. */
    void reconcile(String id) {
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
    void stop(String id, boolean revoke) throws InterruptedException {
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
    void swept(RunningConnection connection, SweepOutcome outcome) {
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
}
