package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Ids;
import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.LoginEvents;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /v1/logins}: an integration reports a login with the token response it received (or just
 * {@code {"owner_id": ...}}), optionally with {@code accountId} and {@code loggedInAt}. Only non-secret fields are
 * read; the tokens are dropped. 202 once Kafka has acknowledged the LoginEvent; with {@code ?wait=PT2S}, 200 with the
 * identity as soon as the topology has processed it, or 202 when the wait runs out. Either carries the write's
 * {@code X-Consistency-Token}.
 */
final class LoginRoutes {
    private final Producer<String, LoginEvent> producer;
    private final Clock clock;
    private final ConsistencyTokens tokens;
    private final ConsistentReads reads;

    /** @param reads null when this process runs no topology: {@code ?wait} then answers 202 at once */
    LoginRoutes(Producer<String, LoginEvent> producer, Clock clock, ConsistencyTokens tokens, ConsistentReads reads) {
        this.producer = producer;
        this.clock = clock;
        this.tokens = tokens;
        this.reads = reads;
    }

    void register(Router router) {
        router.add("POST", "/v1/logins", this::ingest);
    }

    private ApiResponse ingest(ApiRequest request) throws InterruptedException {
        Duration wait = request.param("wait") == null ? null : ConsistentReads.waitParam(request, null);
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object: a RingCentral token response or {\"owner_id\": ...}");
        }
        if (!body.hasNonNull("owner_id")) {
            throw ApiError.badRequest("owner_id is missing: it names the extension that logged in");
        }
        LoginEvent login;
        try {
            login = LoginEvents.fromTokenResponse(body, LoginEvent.SOURCE_INGEST, loggedInAt(body),
                    Ids.optional(Json.text(body, "accountId"), "login", "accountId"), clientId(body));
        } catch (InvalidRecordException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(Topics.LOGINS.name(), null, login.loggedInAt().toEpochMilli(),
                    login.ownerId(), login)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw ApiError.unavailable("the login could not be published to Kafka: " + e.getClass().getSimpleName());
        }
        String token = tokens.issue(written.partition(), written.offset());
        ApiResponse answer = wait == null || reads == null ? null : visible(login.ownerId(), token, written, request, wait);
        if (answer == null) {
            answer = ApiResponse.json(202, Map.of("ownerId", login.ownerId(), "loggedInAt", login.loggedInAt().toString()));
        }
        return answer.withHeader(Headers.CONSISTENCY_TOKEN, token);
    }

    /** 200 with the identity once it reflects the write; null when the wait ran out first. */
    private ApiResponse visible(String ownerId, String token, RecordMetadata written, ApiRequest request, Duration wait)
            throws InterruptedException {
        IdentityQuery query = new IdentityQuery(ownerId, new ConsistencyToken(token, written.partition(), written.offset()));
        try {
            Served<Identity> identity = reads.serve(query, ReadContext.of(request), wait);
            return identity.value() == null ? null : identity.render("no identity for owner " + ownerId);
        } catch (ApiError e) {
            if (e.status() == 503) {
                return null;
            }
            throw e;
        }
    }

    private Instant loggedInAt(JsonNode body) {
        String raw = Json.text(body, "loggedInAt");
        if (raw == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("loggedInAt must be an ISO-8601 UTC time such as 2026-03-01T09:00:00Z");
        }
    }

    private static String clientId(JsonNode body) {
        String clientId = Json.text(body, "clientId");
        return clientId != null ? clientId : Json.text(body, "client_id");
    }
}
