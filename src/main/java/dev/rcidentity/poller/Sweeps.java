package dev.rcidentity.poller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One sweep at a time per connection, scheduled or asked for, and the listeners told of each outcome. */
final class Sweeps {
    /** Told after every sweep of a connection, on the thread that swept. */
    interface Listener {
        void swept(RunningConnection connection, SweepOutcome outcome);
    }

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final ConnectionSweeper sweeper;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    Sweeps(ConnectionSweeper sweeper) {
        this.sweeper = sweeper;
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Sweeps now, waiting for a sweep of the same connection in progress to end; STOPPED for a stopped one. */
    SweepOutcome sweep(RunningConnection connection) throws InterruptedException {
        if (connection.stopped()) {
            return new SweepOutcome(connection.name(), SweepOutcome.Status.STOPPED, connection.accountId(), 0, 0, 0,
                    0, false, 0, Duration.ZERO, "stopped earlier: credentials rejected or connection released");
        }
        connection.sweepLock().lockInterruptibly();
        try {
            SweepOutcome outcome = sweeper.sweep(connection);
            for (Listener listener : listeners) {
                try {
                    listener.swept(connection, outcome);
                } catch (RuntimeException e) {
                    log.warn("Connection '{}': a sweep listener failed: {}", connection.name(), e.toString());
                }
            }
            return outcome;
        } finally {
            connection.sweepLock().unlock();
        }
    }
}
