package dev.rcidentity.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's one HTTP server: JSON everywhere, the contract's error body, bearer-token auth on {@code /v1} and
 * {@code /internal} when a token is set, bounded request bodies, and a timer per route, status and how the answer
 * was served.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Says which instance answered. */
    public static final String SERVED_BY = "X-Served-By";
    /** Says how: local, forwarded or standby. */
    public static final String SERVED_FROM = "X-Served-From";

    static {
        enableTcpNoDelay();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Router router;
    private final byte[] apiToken;
    private final MeterRegistry registry;

    private ApiServer(HttpServer server, ExecutorService executor, Router router, String apiToken, MeterRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.router = router;
        this.apiToken = apiToken == null ? null : apiToken.getBytes(StandardCharsets.UTF_8);
        this.registry = registry;
    }

    /**
     * The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise, so a response written in two pieces
     * waits for the client's delayed ACK: every request took 40 ms more (bench: 181 requests/s at 8 concurrent
     * clients, p99 48 ms; with TCP_NODELAY 10,337 requests/s, p99 2.7 ms). The setting is read once, when the first
     * server of the process is created, so the entry point calls this before anything else.
     */
    public static void enableTcpNoDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Binds {@code host:port} (0 picks a free port) and starts serving {@code router}. */
    public static ApiServer start(String host, int port, Router router, String apiToken, MeterRegistry registry) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): set HTTP_HOST/HTTP_PORT to a free address", e);
        }
        AtomicInteger threads = new AtomicInteger();
        // Grows under load instead of queueing: a request forwarded between two busy instances must never wait
        // behind requests that are themselves waiting on the other instance.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(8, 256, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "http-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        ApiServer api = new ApiServer(server, executor, router, apiToken, registry);
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String template = "unmatched";
        ApiResponse response;
        try {
            String path = exchange.getRequestURI().getRawPath();
            Router.Match match = router.match(exchange.getRequestMethod(), path);
            template = match.template();
            if (apiToken != null && (path.startsWith("/v1/") || path.startsWith("/internal/"))) {
                authorize(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    match.pathParams(), ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders()::getFirst, readBody(exchange));
            response = match.handler().handle(request);
        } catch (ApiException e) {
            response = ApiResponse.error(e);
        } catch (Exception e) {
            LOG.error("{} {} failed: {}", exchange.getRequestMethod(), template, e.toString());
            response = ApiResponse.error(new ApiException(500, "internal", "internal error"));
        }
        send(exchange, response);
        Timer.builder("rc_identity_http_requests")
                .tag("route", template)
                .tag("method", exchange.getRequestMethod())
                .tag("status", String.valueOf(response.status()))
                .tag("served", response.headers().getOrDefault(SERVED_FROM, "local"))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private void authorize(String header) {
        String prefix = "Bearer ";
        byte[] given = header != null && header.startsWith(prefix)
                ? header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, apiToken)) {
            throw new ApiException(401, "unauthorized", "missing or wrong bearer token");
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "payload_too_large", "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) {
        try {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (IOException e) {
            LOG.debug("Client went away: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
