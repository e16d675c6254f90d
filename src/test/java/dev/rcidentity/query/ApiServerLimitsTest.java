package dev.rcidentity.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's connection bound and its graceful stop, on a real Jetty server with routes of the test's own: a
 * connection beyond the bound is answered 503 with Retry-After and closed; a stop lets a request in flight finish, and
 * one that never finishes does not hold the stop beyond its timeout.
 */
class ApiServerLimitsTest {
    private static final int MAX = 4;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Socket> sockets = new ArrayList<>();
    private ApiServer server;
    private int port;

    private ApiServer start(Duration stopTimeout) throws IOException {
        Router router = new Router()
                .add("GET", "/ping", request -> ApiResponse.json(200, Map.of("pong", true)))
                .add("GET", "/slow", request -> {
                    entered.countDown();
                    release.await(); // until the test lets it finish (or the stop interrupts it)
                    return ApiResponse.json(200, Map.of("finished", true));
                });
        HttpServerOptions defaults = HttpServerOptions.defaults().withMaxConnections(MAX);
        HttpServerOptions options = new HttpServerOptions(defaults.headerTimeout(), defaults.idleTimeout(),
                defaults.requestTimeout(), stopTimeout, MAX, defaults.maxRequestHeaderBytes(), defaults.maxBodyBytes(),
                defaults.maxDiscardBytes(), defaults.maxThreads());
        server = ApiServer.start("127.0.0.1", 0, router, null, registry, options);
        port = server.port(); // the connector forgets it once it is closed
        return server;
    }

    @AfterEach
    void close() throws IOException {
        release.countDown();
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConnectionBeyondTheBoundIsAnswered503WithRetryAfterAndClosed() throws Exception {
        start(Duration.ofSeconds(5));
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            Socket socket = connect();
            held.add(socket);
            assertTrue(exchange(socket, "/ping").startsWith("HTTP/1.1 200 "), "connection " + i + " is served");
        }
        Socket beyond = connect();
        beyond.getOutputStream().write(request("/ping"));
        String refusal = new String(beyond.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(refusal.startsWith("HTTP/1.1 503 "), refusal);
        assertTrue(refusal.contains("Retry-After: 1\r\n"), refusal);
        assertTrue(refusal.contains("{\"error\":{\"code\":\"unavailable\",\"message\":\"the server holds its maximum of 4 "
                + "connections; retry later\"}}"), refusal);
        assertEquals(1.0, registry.counter("rc_identity_http_connections_refused").count());
        for (Socket socket : held) {
            assertTrue(exchange(socket, "/ping").startsWith("HTTP/1.1 200 "), "the served connections go on");
        }

        held.get(0).close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String answer;
        do { // the server notices the close asynchronously; then a new connection is served again
            try (Socket next = new Socket()) {
                next.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                next.setSoTimeout(10_000);
                answer = exchange(next, "/ping");
            }
        } while (!answer.startsWith("HTTP/1.1 200 ") && System.nanoTime() < deadline);
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
    }

    @Test
    void aStopLetsTheRequestInFlightFinishThenRefusesNewConnections() throws Exception {
        start(Duration.ofSeconds(30));
        Socket inFlight = connect();
        inFlight.getOutputStream().write(request("/slow"));
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the slow request reached its route");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
        awaitNotAccepting();
        assertFalse(stopped.isDone(), "the stop waits for the request in flight");
        release.countDown();
        String answer = new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(answer.endsWith("{\"finished\":true}"), answer);
        stopped.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatNeverFinishesHoldsTheStopNoLongerThanItsTimeout() throws Exception {
        start(Duration.ofSeconds(1));
        Socket inFlight = connect();
        inFlight.getOutputStream().write(request("/slow"));
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the slow request reached its route");
        assertTimeoutPreemptively(Duration.ofSeconds(30), server::close, "the stop is bounded by its timeout");
        String rest;
        try {
            rest = new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            rest = "";
        }
        assertFalse(rest.contains("finished"), "the request was cut off by the stop: " + rest);
    }

    /** Once the stop began, the port stops taking connections (refused, or accepted and closed unanswered). */
    private void awaitNotAccepting() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                probe.setSoTimeout(5_000);
                probe.getOutputStream().write(request("/ping"));
                if (probe.getInputStream().read() < 0) {
                    return;
                }
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20); // the poll interval of a wait on a condition
        }
        throw new AssertionError("the server still takes new connections during its stop");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One request on a kept-alive connection; the answer's head and body (bodies here are small JSON). */
    private static String exchange(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request(path));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
