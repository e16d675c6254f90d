package dev.rcidentity.webhooks;

import dev.rcidentity.connections.ConnectionStore;
import dev.rcidentity.connections.CredentialCipher;
import dev.rcidentity.connections.CredentialKeys;
import dev.rcidentity.connections.Secrets;
import dev.rcidentity.connections.WebhookAddress;
import dev.rcidentity.kafka.KafkaClients;
import dev.rcidentity.kafka.KafkaTestCluster;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Notification;
import dev.rcidentity.query.ApiServer;
import dev.rcidentity.query.HttpApi;
import dev.rcidentity.query.HttpServerOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook receiver on a real broker: handshake, token checks, refusals counted, durable before the 200. */
class WebhookReceiverIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    static Path dir;
    private static KafkaTestCluster kafka;
    private static ConnectionStore store;
    private static CredentialCipher cipher;
    private static String connectionId;
    private static String token;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private NotificationWriter writer;
    private KafkaProducer<String, Notification> producer;
    private ApiServer server;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(dir, 2);
        KafkaClients clients = KafkaClients.of(Map.of(), kafka.bootstrapServers());
        store = ConnectionStore.start(clients, TIMEOUT);
        cipher = new CredentialCipher(CredentialKeys.of(CredentialKeys.generate(), List.of()));
        connectionId = Connection.newId(RANDOM);
        token = "vt-" + Long.toHexString(RANDOM.nextLong());
        Instant now = Instant.now();
        store.put(new Connection(connectionId, "acme", "https://platform.ringcentral.com", "app", Connection.GRANT_JWT,
                null, null, Connection.ACTIVE, null, now, now,
                cipher.encrypt(connectionId, Secrets.forJwt("secret", "jwt").withWebhookVerificationToken(token))));
    }

    @AfterAll
    static void stopKafka() {
        store.close();
        kafka.close();
    }

    @BeforeEach
    void startReceiver() throws Exception {
        KafkaClients clients = KafkaClients.of(Map.of(), kafka.bootstrapServers());
        producer = new KafkaProducer<>(clients.producer("test-webhooks", TIMEOUT),
                Topics.NOTIFICATIONS.keySerde().serializer(), Topics.NOTIFICATIONS.valueSerde().serializer());
        writer = new NotificationWriter(producer, Duration.ofSeconds(10));
        server = HttpApi.start("127.0.0.1", 0, "api-token", "webhook-test", null, new MockProducer<String, LoginEvent>(),
                List.of(), registry, () -> { }, Clock.systemUTC(), HttpServerOptions.defaults(),
                List.of(new WebhookReceiver(new ConnectionTokens(store, cipher), writer, registry, Clock.systemUTC())));
    }

    @AfterEach
    void stopReceiver() {
        server.close();
        writer.close();
    }

    @Test
    void handshakeEchoesTheTokenInAtMostOneKibibyte() throws Exception {
        String validation = "a".repeat(64);
        byte[] answer = rawPost("Validation-Token: " + validation + "\r\n", "");
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        assertTrue(text.toLowerCase().contains("validation-token: " + validation), text);
        assertTrue(answer.length <= 1024, "the whole answer is " + answer.length + " bytes");
        assertEquals(1.0, count("handshake"));
    }

    @Test
    void refusesWithoutTheRightTokenAndWritesNothing() throws Exception {
        String uuid = "refused-" + RANDOM.nextLong();
        String body = delivery(uuid);
        assertEquals(403, post(address(connectionId), Map.of(), body).statusCode());
        assertEquals(403, post(address(connectionId), Map.of("Verification-Token", token + "x"), body).statusCode());
        assertEquals(404, post(address(Connection.newId(RANDOM)), Map.of("Verification-Token", token), body).statusCode());
        assertEquals(404, post(URI.create(base() + WebhookAddress.PATH), Map.of("Verification-Token", token), body)
                .statusCode());
        HttpResponse<String> malformed = post(address(connectionId), Map.of("Verification-Token", token), "{\"body\":{}}");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("subscriptionId"), malformed.body());
        assertEquals(400, post(address(connectionId), Map.of("Verification-Token", token), "not json").statusCode());
        String big = "{\"subscriptionId\":\"s\",\"body\":{\"pad\":\"" + "x".repeat(WebhookReceiver.MAX_BODY_BYTES) + "\"}}";
        assertEquals(413, post(address(connectionId), Map.of("Verification-Token", token), big).statusCode());

        assertEquals(2.0, count("missing_token") + count("wrong_token"));
        assertEquals(2.0, count("unknown_subscription"));
        assertEquals(2.0, count("malformed"));
        assertEquals(1.0, count("oversized"));
        String scrape = registry.scrape();
        assertTrue(scrape.contains("rc_identity_webhook_requests_total{outcome=\"wrong_token\"}"), scrape);
        assertFalse(scrape.contains(token), "the token shows in /metrics");
        // A marker written after the refusals: once it is read, anything written before it would have been read too.
        String marker = "marker-" + RANDOM.nextLong();
        assertEquals(200, post(address(connectionId), Map.of("Verification-Token", token), delivery(marker)).statusCode());
        List<ConsumerRecord<String, Notification>> read = readUntilUuid(marker);
        assertTrue(read.stream().noneMatch(r -> uuid.equals(r.value().payload().path("uuid").asText())),
                "a refused delivery was written");
    }

    @Test
    void aDeliveryIsInTheTopicWhenTheReceiverDiesRightAfterItsOk() throws Exception {
        String uuid = "durable-" + RANDOM.nextLong();
        // Some docs name the header Validation-Token on deliveries too: accepted for the comparison.
        HttpResponse<String> answer = post(address(connectionId), Map.of("Validation-Token", token), delivery(uuid));
        assertEquals(200, answer.statusCode(), answer.body());
        producer.close(Duration.ZERO); // killed: whatever was not acknowledged yet is gone
        server.close();
        List<ConsumerRecord<String, Notification>> read = readUntilUuid(uuid);
        ConsumerRecord<String, Notification> record = read.stream()
                .filter(r -> uuid.equals(r.value().payload().path("uuid").asText())).findFirst().orElseThrow();
        assertEquals(connectionId, record.key());
        assertEquals("sub-1", record.value().subscriptionId());
        assertEquals("1001", record.value().payload().path("body").path("extensions").get(0).path("extensionId").asText());
        assertEquals(1.0, count("accepted"));
    }

    private List<ConsumerRecord<String, Notification>> readUntilUuid(String uuid) {
        List<ConsumerRecord<String, Notification>> read = kafka.readUntil(Topics.NOTIFICATIONS, records -> records
                .stream().anyMatch(r -> uuid.equals(r.value().payload().path("uuid").asText())), TIMEOUT);
        assertTrue(read.stream().anyMatch(r -> uuid.equals(r.value().payload().path("uuid").asText())),
                "notification " + uuid + " is not in " + Topics.NOTIFICATIONS.name());
        return read;
    }

    private static String delivery(String uuid) {
        return Json.MAPPER.createObjectNode().put("uuid", uuid).put("event", "/restapi/v1.0/account/1/extension")
                .put("timestamp", Instant.now().toString()).put("subscriptionId", "sub-1").put("ownerId", "1")
                .set("body", Json.MAPPER.createObjectNode().set("extensions", Json.MAPPER.createArrayNode()
                        .add(Json.MAPPER.createObjectNode().put("extensionId", "1001").put("eventType", "Update"))))
                .toString();
    }

    private double count(String outcome) {
        return registry.get("rc_identity_webhook_requests").tag("outcome", outcome).counter().count();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private URI address(String connection) {
        return WebhookAddress.of(URI.create(base()), connection);
    }

    private HttpResponse<String> post(URI uri, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole answer as bytes on the wire (status line, headers, body): what RingCentral's 1 KiB bound counts. */
    private byte[] rawPost(String headers, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + WebhookAddress.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.readAllBytes();
        }
    }
}
