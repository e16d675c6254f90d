package dev.rcidentity.query;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The API's HTTP server: Jetty's core handlers (no servlet layer), with the deadlines and limits of
 * {@link HttpServerOptions}. Beyond {@code maxConnections} a new connection is answered 503 with Retry-After and closed
 * ({@link ConnectionBound}). Those refusals are bounded as well: with {@link #refusing} more connections open, the
 * server stops accepting (new connections wait in the listen backlog while idle ones are closed after one second, and
 * the kernel refuses those beyond the backlog). On close it stops accepting, lets in-flight requests finish within
 * {@code stopTimeout}, then closes every connection.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int ACCEPT_BACKLOG = 128;
    private static final long IDLE_TIMEOUT_WHEN_FULL_MS = 1_000;

    private final Server server;
    private final ServerConnector connector;
    private final Router router;

    private ApiServer(Server server, ServerConnector connector, Router router) {
        this.server = server;
        this.connector = connector;
        this.router = router;
    }

    /** Binds {@code host:port} (0 picks a free port) and starts serving {@code router}. */
    public static ApiServer start(String host, int port, Router router, String apiToken, MeterRegistry registry,
                                  HttpServerOptions options) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), Math.min(8, options.maxThreads()));
        threads.setName("http");
        threads.setDaemon(true);
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(options.maxRequestHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new ConnectionBound(http, options.maxConnections(),
                registry.counter("rc_identity_http_connections_refused")));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptQueueSize(ACCEPT_BACKLOG);
        // Answers are small and written at once: waiting for the client's delayed ACK would add 40 ms to some.
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);

        NetworkConnectionLimit limit = new NetworkConnectionLimit(options.maxConnections() + refusing(options),
                connector);
        limit.setEndPointIdleTimeout(IDLE_TIMEOUT_WHEN_FULL_MS);
        server.addBean(limit);

        HeaderDeadline headerDeadline = new HeaderDeadline(options.headerTimeout(), server.getScheduler(),
                new ApiHandler(router, apiToken, registry, options, server.getScheduler()));
        connector.addEventListener(headerDeadline.connectionListener());
        server.setHandler(new GracefulHandler(headerDeadline));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(options.stopTimeout().toMillis());
        server.setStopAtShutdown(false); // the command's lifecycle stops it, in order with the other parts
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): set HTTP_HOST/HTTP_PORT to a free address", e);
        }
        return new ApiServer(server, connector, router);
    }

    /** How many refused connections may be open at once, on top of the served ones (each lingers up to a second). */
    static int refusing(HttpServerOptions options) {
        return Math.max(16, options.maxConnections() / 8);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The routes this server answers, as {@code METHOD template}. */
    public List<String> routes() {
        return router.routes();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the HTTP server: {}", e.toString());
        }
    }
}
