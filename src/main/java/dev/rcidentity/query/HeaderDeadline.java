package dev.rcidentity.query;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes a connection whose request line and headers do not arrive in time. Jetty's idle timeout restarts with every
 * byte, so a client that drips a header a byte at a time, or sends half a request and stalls, would hold a connection
 * for as long as it likes; this deadline does not restart. A connection's first request must be handled within the
 * timeout of its accept; on a kept-alive connection, bytes that arrive while no request is handled must become a
 * request within the timeout (an idle kept-alive connection that receives nothing is left to the idle timeout).
 * Each connection is looked at every quarter timeout: a late request is closed one to one and a half timeouts after
 * it began.
 */
final class HeaderDeadline extends Handler.Wrapper {
    private final long timeoutNanos;
    private final long periodMillis;
    private final Scheduler scheduler;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    HeaderDeadline(Duration timeout, Scheduler scheduler, Handler handler) {
        super(handler);
        this.timeoutNanos = timeout.toNanos();
        this.periodMillis = Math.max(10, timeout.toMillis() / 4);
        this.scheduler = scheduler;
    }

    /** To be added to the connector: starts and ends the watch of each connection. */
    Connection.Listener connectionListener() {
        return new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                Watch watch = new Watch(connection, System.nanoTime());
                watches.put(connection, watch);
                watch.schedule();
            }

            @Override
            public void onClosed(Connection connection) {
                Watch watch = watches.remove(connection);
                if (watch != null) {
                    watch.cancel();
                }
            }
        };
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Watch watch = watches.get(request.getConnectionMetaData().getConnection());
        if (watch == null) {
            return super.handle(request, response, callback);
        }
        watch.handling = true;
        watch.requests++;
        return super.handle(request, response, Callback.from(callback, () -> watch.idle()));
    }

    private final class Watch implements Runnable {
        private final Connection connection;
        private final long openedAt;
        volatile boolean handling;
        volatile long requests;
        private volatile long bytesWhenIdle;
        private long partialSince = -1; // touched by the scheduler only
        private volatile Scheduler.Task task;

        Watch(Connection connection, long openedAt) {
            this.connection = connection;
            this.openedAt = openedAt;
        }

        void idle() {
            bytesWhenIdle = connection.getBytesIn();
            handling = false;
        }

        void schedule() {
            task = scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
        }

        void cancel() {
            Scheduler.Task current = task;
            if (current != null) {
                current.cancel();
            }
        }

        /** Closes the socket itself: closing the connection would have Jetty answer the half-read request with 500. */
        private void expire() {
            connection.getEndPoint().close(new TimeoutException("request headers not received within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long now = System.nanoTime();
            if (handling) {
                partialSince = -1;
            } else if (requests == 0) {
                if (now - openedAt >= timeoutNanos) {
                    expire();
                    return;
                }
            } else if (connection.getBytesIn() > bytesWhenIdle) {
                if (partialSince < 0) {
                    partialSince = now;
                } else if (now - partialSince >= timeoutNanos) {
                    expire();
                    return;
                }
            } else {
                partialSince = -1;
            }
            schedule();
        }
    }
}
