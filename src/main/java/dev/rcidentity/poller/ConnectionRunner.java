package dev.rcidentity.poller;

import dev.rcidentity.connections.ConnectionCatalog;
import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.model.ConnectionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the connections of {@code rc.connections.v1} this instance holds: an ACTIVE connection is swept from its
 * newest record; a removed one is stopped and its token revoked at RingCentral; a DISABLED or REJECTED one is
 * stopped. One thread looks at each change, in order, always at the newest record, and a
 * {@link ConnectionReconciler} acts on it; the other connections go on.
 */
public final class ConnectionRunner implements ConnectionAssignment.Holder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionRunner.class);

    private final ConnectionAssignment assignment;
    private final StatusPublisher status;
    private final ConnectionReconciler reconciler;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rc-poller-connections");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionRunner(Poller poller, ConnectionAssignment assignment, ConnectionCatalog records, CredentialCipher cipher,
                     StatusPublisher status, Clock clock) {
        this.assignment = assignment;
        this.status = status;
        this.reconciler = new ConnectionReconciler(poller, assignment, records, cipher, status, clock);
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
        poller.addSweepListener(runner.reconciler::swept);
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
        return reconciler.held();
    }

    /** Looks at the connection's newest record, after every change told before, on the runner's thread. */
    @Override
    public void changed(String connectionId) {
        events.execute(() -> reconciler.reconcile(connectionId));
    }

    @Override
    public void dropped(String connectionId) {
        awaitEvent(() -> reconciler.stop(connectionId, false));
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
                reconciler.stop(id, false);
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
