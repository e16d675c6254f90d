package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.contract.ApiContract;
import dev.rcidentity.poller.Poller;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HttpServerOptions;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** One rc-identity instance (topology + HTTP API) in the test JVM, started the way the commands start it. */
final class TestInstance implements AutoCloseable {
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Lifecycle lifecycle = new Lifecycle();
    private final StreamsService streams;
    private final ApiServer api;
    final String name;
    /** Sent by {@link #get(String)} and {@link #getUntil}: API_TOKEN when the instance has one. */
    private final String token;

    /** Present when the instance runs the poller too (its settings name RingCentral connections). */
    final Poller poller;
    /** Whether every answer must be one the OpenAPI document allows. */
    private volatile boolean checkedAgainstOpenApi;

    private TestInstance(Settings settings, String bootstrap, boolean withPoller, HttpServerOptions http) throws IOException {
        this.token = settings.find(SettingKeys.API_TOKEN).orElse(null);
        Assembly assembly = new Assembly(settings, lifecycle);
        this.streams = assembly.startStreams(bootstrap);
        this.poller = withPoller ? assembly.startPoller(ConnectionsReader.read(settings), bootstrap,
                OptionsFromSettings.requireCredentialKeys(settings, "a test instance with a poller")) : null;
        this.api = assembly.startApi(bootstrap, http);
        this.name = "127.0.0.1:" + api.port();
    }

    /** An instance with its own state directory and port; {@code extra} settings win. */
    static TestInstance start(String bootstrap, Path dir, String applicationId, Map<String, String> extra) throws IOException {
        return start(bootstrap, dir, applicationId, extra, false);
    }

    static TestInstance start(String bootstrap, Path dir, String applicationId, Map<String, String> extra,
                              boolean withPoller) throws IOException {
        return start(bootstrap, dir, applicationId, extra, withPoller, HttpServerOptions.defaults());
    }

    static TestInstance start(String bootstrap, Path dir, String applicationId, Map<String, String> extra,
                              boolean withPoller, HttpServerOptions http) throws IOException {
        int port = freePort();
        Map<String, String> values = new HashMap<>(Map.of(
                SettingKeys.STATE_DIR.key(), dir.resolve("state-" + port).toString(),
                SettingKeys.APPLICATION_ID.key(), applicationId,
                SettingKeys.HTTP_PORT.key(), String.valueOf(port),
                SettingKeys.APPLICATION_SERVER.key(), "127.0.0.1:" + port,
                "kafka.commit.interval.ms", "100"));
        if (withPoller) {
            values.put(SettingKeys.CREDENTIALS_KEY.key(),
                    java.util.Base64.getEncoder().encodeToString(dev.rcidentity.connections.CredentialKeys.generate()));
        }
        values.putAll(extra);
        return new TestInstance(Settings.of(values), bootstrap, withPoller, http);
    }

    /** From now on, an answer the OpenAPI document does not allow fails the request that received it. */
    TestInstance checkedAgainstOpenApi() {
        checkedAgainstOpenApi = true;
        return this;
    }

    /** The routes its HTTP server answers, as {@code METHOD template}. */
    List<String> routes() {
        return api.routes();
    }

    URI base() {
        return URI.create("http://" + name);
    }

    /** Runs a task that must stop with this instance (it closes before the instance's parts). */
    <T extends AutoCloseable> T add(T part) {
        return lifecycle.add(part);
    }

    /** Stops answering HTTP while the streams client keeps its tasks: an owner other instances cannot reach. */
    void stopHttp() {
        api.close();
    }

    KafkaStreams streams() {
        return streams.streams();
    }

    Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    /** With this bearer token, or none when null. */
    Response get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    Response post(String path, String body, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    Response delete(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    /** GETs {@code path} until {@code done} holds or the deadline passes; returns the last answer. */
    Response getUntil(String path, Predicate<Response> done, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Response last = get(path);
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // the poll interval of a wait on a condition, not a synchronization
            last = get(path);
        }
        return last;
    }

    private URI uri(String path) {
        return URI.create("http://" + name + path);
    }

    private Response send(HttpRequest.Builder builder, String token) throws Exception {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        Response answer = new Response(response.statusCode(), headers, response.body());
        if (checkedAgainstOpenApi) {
            ApiContract.assertConforms(request.method(), request.uri().getRawPath(), answer.status(), headers, answer.body());
        }
        return answer;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
