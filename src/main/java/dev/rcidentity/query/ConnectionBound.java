package dev.rcidentity.query;

import io.micrometer.core.instrument.Counter;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 connections, at most {@code max} served at once. A connection accepted beyond the bound is not served: it is
 * answered 503 with Retry-After at once and closed ({@link RefusedConnection}), so that a client learns why instead of
 * waiting in the listen backlog. The refused connections are bounded too (by the connector's hard limit).
 */
final class ConnectionBound extends HttpConnectionFactory {
    private final int max;
    private final AtomicInteger served = new AtomicInteger();
    private final Counter refusals;

    ConnectionBound(HttpConfiguration configuration, int max, Counter refusals) {
        super(configuration);
        this.max = max;
        this.refusals = refusals;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        if (served.incrementAndGet() > max) {
            served.decrementAndGet();
            refusals.increment();
            return new RefusedConnection(endPoint, connector.getExecutor(), max);
        }
        Connection connection = super.newConnection(connector, endPoint);
        connection.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection closed) {
                served.decrementAndGet();
            }
        });
        return connection;
    }

    /** Connections served now (for tests and metrics). */
    int served() {
        return served.get();
    }
}
