package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code /restapi/v1.0/subscription[/{id}[/renew]]}: create (with the validation handshake), list, get, update,
 * renew and delete WebHook subscriptions to the extension list event filter. Subscriptions belong to the token's
 * user and application; another owner's subscription is not found.
 */
final class SubscriptionEndpoint {
    static final String PATH = "/restapi/v1.0/subscription";
    static final long DEFAULT_EXPIRES_IN = 604_800;
    static final long MAX_EXPIRES_IN = 315_360_000;

    private final Clock clock;
    private final Webhooks webhooks;
    private final SubscriptionFormat format;

    SubscriptionEndpoint(Clock clock, Webhooks webhooks, String baseUrl) {
        this.clock = clock;
        this.webhooks = webhooks;
        this.format = new SubscriptionFormat(baseUrl + PATH);
    }

    /** The rate-limit group of a method and path below {@link #PATH}, or null when there is no such operation. */
    static RateLimitGroup group(String method, String rest) {
        String shape = shape(rest);
        return switch (shape + " " + method) {
            case "list GET", "one GET", "renew POST" -> RateLimitGroup.LIGHT;
            case "list POST", "one PUT", "one DELETE" -> RateLimitGroup.MEDIUM;
            default -> null;
        };
    }

    /** Whether the path below {@link #PATH} names the collection, a subscription or its renew operation. */
    static boolean isResource(String rest) {
        return shape(rest) != null;
    }

    private static String shape(String rest) {
        if (rest.isEmpty()) {
            return "list";
        }
        String[] parts = rest.substring(1).split("/", -1);
        if (parts[0].isEmpty() || parts.length > 2) {
            return null;
        }
        return parts.length == 1 ? "one" : parts[1].equals("renew") ? "renew" : null;
    }

    void handle(HttpCall call, TokenService.Grant owner, String rest) {
        Subscriptions subscriptions = webhooks.subscriptions();
        if (rest.isEmpty()) {
            if (call.method().equals("GET")) {
                call.json(200, format.list(subscriptions.of(owner), clock.instant()));
            } else {
                create(call, owner);
            }
            return;
        }
        String[] parts = rest.substring(1).split("/", -1);
        Optional<Subscription> found = subscriptions.find(owner, parts[0]);
        if (found.isEmpty()) {
            call.json(404, WireFormat.error("CMN-102", "Resource for parameter [subscriptionId] is not found",
                    "subscriptionId"));
            return;
        }
        Subscription subscription = found.get();
        switch (call.method()) {
            case "GET" -> call.json(200, format.info(subscription, clock.instant()));
            case "DELETE" -> {
                subscriptions.delete(owner, subscription.id);
                call.raw(204, new byte[0]);
            }
            default -> update(call, owner, subscription, parts.length == 2);
        }
    }

    private void create(HttpCall call, TokenService.Grant owner) {
        Optional<JsonNode> body = SubscriptionRequest.body(call, false);
        if (body.isEmpty()) {
            return;
        }
        JsonNode request = body.get();
        List<String> filters = SubscriptionRequest.filters(call, owner, request.get("eventFilters"));
        Long expiresIn = filters == null ? null
                : SubscriptionRequest.expiresIn(call, request.get("expiresIn"), DEFAULT_EXPIRES_IN);
        if (expiresIn == null) {
            return;
        }
        SubscriptionRequest.DeliveryMode mode = SubscriptionRequest.deliveryMode(call, request.path("deliveryMode"));
        if (mode == null) {
            return;
        }
        if (webhooks.subscriptions().of(owner).size() >= Subscriptions.MAX_PER_USER_AND_APP) {
            call.json(400, tooMany());
            return;
        }
        WebhookValidator.Failure failure = webhooks.validator().validate(mode.address());
        if (failure != null) {
            call.json(400, WireFormat.error(failure.errorCode(), failure.message(), "deliveryMode.address"));
            return;
        }
        Optional<Subscription> created = webhooks.subscriptions().create(owner, mode.address(),
                mode.verificationToken(), filters, expiresIn);
        if (created.isEmpty()) {
            call.json(400, tooMany());
            return;
        }
        call.json(200, format.info(created.get(), clock.instant()));
    }

    /** PUT (new filters and lifetime; an empty body renews) and POST .../renew. */
    private void update(HttpCall call, TokenService.Grant owner, Subscription subscription, boolean renew) {
        Optional<JsonNode> body = renew
                ? Optional.of(WireFormat.MAPPER.createObjectNode()) : SubscriptionRequest.body(call, true);
        if (body.isEmpty()) {
            return;
        }
        if (subscription.blacklisted()) {
            call.json(400, WireFormat.error("SUB-525",
                    "Subscription is blacklisted: delete it and create a new one", "subscriptionId"));
            return;
        }
        JsonNode request = body.get();
        List<String> filters = request.has("eventFilters")
                ? SubscriptionRequest.filters(call, owner, request.get("eventFilters")) : List.of();
        Long expiresIn = filters == null ? null
                : SubscriptionRequest.expiresIn(call, request.get("expiresIn"), subscription.expiresIn());
        if (expiresIn == null) {
            return;
        }
        subscription.update(filters.isEmpty() ? null : filters, expiresIn, clock.instant());
        call.json(200, format.info(subscription, clock.instant()));
    }

    private static ObjectNode tooMany() {
        return WireFormat.error("SUB-406", "Subscriptions limit exceeded: at most "
                + Subscriptions.MAX_PER_USER_AND_APP + " per user and application", null);
    }
}
