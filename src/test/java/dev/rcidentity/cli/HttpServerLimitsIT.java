package dev.rcidentity.cli;

import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.query.HttpServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP server against clients that misbehave: a thousand connections that send half a request and stall must not
 * stop the API and must be closed by the header deadline; a 5 MB body sent without waiting for 100-continue must get
 * the 413 answer, not a connection reset.
 */
class HttpServerLimitsIT {
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(8);
    private static final int STALLED = 1_000;
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)); // within the 30-day retention of rc.logins.v1: older logins may be deleted before they are read
    private static final String OWNER = "800101";

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static TestInstance api;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.start(dir, 2);
        kafka.send(Topics.EXTENSIONS, List.of(Map.entry(OWNER, new ExtensionSnapshot("800001", OWNER, "101", "Ann", "User",
                null, "Enabled", false, false, null, null, null, false, T0))), T0);
        kafka.send(Topics.LOGINS, List.of(Map.entry(OWNER, new LoginEvent(OWNER, null, T0.plusSeconds(1),
                LoginEvent.SOURCE_POLLER, null, null, null, null))), T0.plusSeconds(1));
        api = TestInstance.start(kafka.bootstrapServers(), dir, "http-limits-it", Map.of(), false,
                HttpServerOptions.defaults().withHeaderTimeout(HEADER_TIMEOUT));
        TestInstance.Response found = api.getUntil("/v1/identities/" + OWNER, r -> r.status() == 200, Duration.ofSeconds(90));
        assertEquals(200, found.status(), found.body());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        kafka.close();
    }

    @Test
    void stalledPartialRequestsNeitherStopTheApiNorStayOpen() throws Exception {
        int port = api.base().getPort();
        byte[] partial = ("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket();
                stalled.add(socket);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.getOutputStream().write(partial);
            }
            assertOpen(stalled.get(0));
            // A fresh client (no pooled connection) with a one-second deadline per request.
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1)).build();
            assertEquals(200, getWithin1s(fresh, port, "/health/live").statusCode());
            HttpResponse<String> identity = getWithin1s(fresh, port, "/v1/identities/" + OWNER);
            assertEquals(200, identity.statusCode(), identity.body());
            assertTrue(identity.body().contains("Ann"), identity.body());
            assertOpen(stalled.get(STALLED - 1));

            // The client never closes them: each must see the server's close within a bounded wait.
            for (Socket socket : stalled) {
                socket.setSoTimeout((int) HEADER_TIMEOUT.multipliedBy(3).toMillis());
                assertClosedByServer(socket);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void anOversizedBodySentWithoutWaitingGetsThe413Answer() throws Exception {
        int port = api.base().getPort();
        byte[] body = new byte[5 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/logins HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body); // all of it, before reading anything: what a client that ignores 100-continue does
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.contains("{\"error\":{\"code\":\"payload_too_large\",\"message\":"), response);
        }
    }

    private static HttpResponse<String> getWithin1s(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Nothing to read and no end of stream: the server still holds the connection. */
    private static void assertOpen(Socket socket) throws IOException {
        socket.setSoTimeout(50);
        try {
            int read = socket.getInputStream().read();
            throw new AssertionError("the stalled connection was answered or closed early (read " + read + ")");
        } catch (SocketTimeoutException expected) {
            // still open
        }
    }

    /** Read to the end: at most an error answer (408 or 400, the contract's JSON), then the server's close. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        String rest;
        try {
            rest = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketException reset) {
            return; // a reset is a close too
        }
        assertTrue(rest.isEmpty() || rest.startsWith("HTTP/1.1 408 ") || rest.startsWith("HTTP/1.1 400 "), rest);
        if (!rest.isEmpty()) {
            assertTrue(rest.contains("{\"error\":{\"code\":"), rest);
        }
    }
}
