package dev.rcidentity.webhooks;

import dev.rcidentity.connections.WebhookAddress;
import dev.rcidentity.model.Notification;
import dev.rcidentity.query.ApiError;
import dev.rcidentity.query.ApiRequest;
import dev.rcidentity.query.ApiResponse;
import dev.rcidentity.query.RouteSet;
import dev.rcidentity.query.Router;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /webhooks/ringcentral}, without bearer token: RingCentral's validation handshake, and its deliveries,
 * each checked against the verification token of the connection named in the address and written to
 * {@code rc.notifications.v1} before the 200. Tokens are never logged nor echoed except the handshake's own.
 */
public final class WebhookReceiver implements RouteSet {
    /** A larger delivery is refused (413, counted); the server reads at most twice this much. */
    public static final int MAX_BODY_BYTES = 128 * 1024;
    /** The echoed handshake token stays far below RingCentral's 1 KiB bound on the whole answer. */
    static final int MAX_VALIDATION_TOKEN_LENGTH = 512;
    static final String VALIDATION_TOKEN = "Validation-Token";
    static final String VERIFICATION_TOKEN = "Verification-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final VerificationTokens tokens;
    private final NotificationWriter writer;
    private final WebhookMetrics metrics;
    private final Clock clock;

    /** @param writer null on an instance that cannot receive deliveries (it still answers the handshake) */
    public WebhookReceiver(VerificationTokens tokens, NotificationWriter writer, MeterRegistry registry, Clock clock) {
        this.tokens = tokens;
        this.writer = writer;
        this.metrics = new WebhookMetrics(registry);
        this.clock = clock;
    }

    @Override
    public void register(Router router) {
        router.add("POST", WebhookAddress.PATH, 2 * MAX_BODY_BYTES, this::receive);
    }

    private ApiResponse receive(ApiRequest request) throws InterruptedException {
        String validation = request.header(VALIDATION_TOKEN);
        if (validation != null && request.body().length == 0) {
            return handshake(validation);
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw refused(WebhookMetrics.Outcome.OVERSIZED, new ApiError(413, "payload_too_large",
                    "webhook deliveries are limited to " + MAX_BODY_BYTES + " bytes"));
        }
        String presented = request.header(VERIFICATION_TOKEN) != null ? request.header(VERIFICATION_TOKEN) : validation;
        if (presented == null || presented.isEmpty()) {
            throw refused(WebhookMetrics.Outcome.MISSING_TOKEN, new ApiError(403, "forbidden",
                    "the Verification-Token header is missing"));
        }
        String connectionId = request.param(WebhookAddress.CONNECTION_PARAMETER);
        Optional<String> expected = writer == null || connectionId == null ? Optional.empty() : tokens.of(connectionId);
        if (expected.isEmpty()) {
            throw refused(WebhookMetrics.Outcome.UNKNOWN_SUBSCRIPTION, new ApiError(404, "unknown_subscription",
                    "no subscription of this service delivers to this address"));
        }
        if (!sameToken(presented, expected.get())) {
            throw refused(WebhookMetrics.Outcome.WRONG_TOKEN, new ApiError(403, "forbidden",
                    "the verification token does not match the subscription's"));
        }
        WebhookEnvelope envelope;
        try {
            envelope = WebhookEnvelope.parse(request.body());
        } catch (WebhookEnvelope.MalformedDeliveryException e) {
            throw refused(WebhookMetrics.Outcome.MALFORMED, ApiError.badRequest(e.getMessage()));
        }
        try {
            writer.append(new Notification(connectionId, envelope.subscriptionId(), clock.instant(),
                    envelope.payload()));
        } catch (NotificationWriter.NotWrittenException e) {
            log.warn("Connection {}: a webhook notification was not written to Kafka ({}); answered 503",
                    connectionId, e.getMessage());
            throw refused(WebhookMetrics.Outcome.NOT_WRITTEN, ApiError.unavailable("the notification was not stored"));
        }
        metrics.count(WebhookMetrics.Outcome.ACCEPTED);
        return ApiResponse.text(200, "", "text/plain");
    }

    private ApiResponse handshake(String token) {
        if (token.length() > MAX_VALIDATION_TOKEN_LENGTH) {
            throw refused(WebhookMetrics.Outcome.MALFORMED, ApiError.badRequest(
                    "Validation-Token is longer than " + MAX_VALIDATION_TOKEN_LENGTH + " characters"));
        }
        metrics.count(WebhookMetrics.Outcome.HANDSHAKE);
        return ApiResponse.text(200, "", "text/plain").withHeader(VALIDATION_TOKEN, token);
    }

    private ApiError refused(WebhookMetrics.Outcome outcome, ApiError error) {
        metrics.count(outcome);
        return error;
    }

    /** Compares digests, so that neither the content nor the length of the expected token shows in the timing. */
    static boolean sameToken(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
