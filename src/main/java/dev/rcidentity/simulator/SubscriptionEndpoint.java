package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
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
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_TOKEN = 256;

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
        Optional<JsonNode> body = body(call, false);
        if (body.isEmpty()) {
            return;
        }
        JsonNode request = body.get();
        List<String> filters = filters(call, owner, request.get("eventFilters"));
        Long expiresIn = filters == null ? null : expiresIn(call, request.get("expiresIn"), DEFAULT_EXPIRES_IN);
        if (expiresIn == null) {
            return;
        }
        JsonNode mode = request.path("deliveryMode");
        String address = mode.path("address").asText("");
        JsonNode token = mode.get("verificationToken");
        if (!"WebHook".equals(mode.path("transportType").asText())) {
            invalid(call, "deliveryMode.transportType", "Parameter [deliveryMode.transportType] must be WebHook");
            return;
        }
        if (!AuthorizeEndpoint.acceptableRedirect(address)) {
            invalid(call, "deliveryMode.address", "Parameter [deliveryMode.address] must be an absolute http(s) URL");
            return;
        }
        if (token != null && (!token.isTextual() || token.asText().isEmpty() || token.asText().length() > MAX_TOKEN)) {
            invalid(call, "deliveryMode.verificationToken", "Parameter [deliveryMode.verificationToken] is invalid");
            return;
        }
        if (webhooks.subscriptions().of(owner).size() >= Subscriptions.MAX_PER_USER_AND_APP) {
            call.json(400, tooMany());
            return;
        }
        WebhookValidator.Failure failure = webhooks.validator().validate(address);
        if (failure != null) {
            call.json(400, WireFormat.error(failure.errorCode(), failure.message(), "deliveryMode.address"));
            return;
        }
        Optional<Subscription> created = webhooks.subscriptions().create(owner, address,
                token == null ? null : token.asText(), filters, expiresIn);
        if (created.isEmpty()) {
            call.json(400, tooMany());
            return;
        }
        call.json(200, format.info(created.get(), clock.instant()));
    }

    /** PUT (new filters and lifetime; an empty body renews) and POST .../renew. */
    private void update(HttpCall call, TokenService.Grant owner, Subscription subscription, boolean renew) {
        Optional<JsonNode> body = renew ? Optional.of(WireFormat.MAPPER.createObjectNode()) : body(call, true);
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
                ? filters(call, owner, request.get("eventFilters")) : List.of();
        Long expiresIn = filters == null ? null : expiresIn(call, request.get("expiresIn"), subscription.expiresIn());
        if (expiresIn == null) {
            return;
        }
        subscription.update(filters.isEmpty() ? null : filters, expiresIn, clock.instant());
        call.json(200, format.info(subscription, clock.instant()));
    }

    /** The filters with {@code ~} resolved; only the extension list filter of the owner's account is supported. */
    private List<String> filters(HttpCall call, TokenService.Grant owner, JsonNode node) {
        List<String> filters = new ArrayList<>();
        String own = "/restapi/v1.0/account/" + owner.accountId() + "/extension";
        if (node != null && node.isArray() && !node.isEmpty() && node.size() <= 100) {
            for (JsonNode filter : node) {
                String resolved = filter.asText("").replace("/account/~/", "/account/" + owner.accountId() + "/");
                if (!filter.isTextual() || !resolved.equals(own)) {
                    filters = null;
                    break;
                }
                filters.add(resolved);
            }
        } else {
            filters = null;
        }
        if (filters == null) {
            invalid(call, "eventFilters",
                    "Parameter [eventFilters] must list /restapi/v1.0/account/~/extension (the only filter simulated)");
        }
        return filters == null ? null : filters.stream().distinct().toList();
    }

    private Long expiresIn(HttpCall call, JsonNode node, long fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_EXPIRES_IN) {
            invalid(call, "expiresIn", "Parameter [expiresIn] must be 1.." + MAX_EXPIRES_IN);
            return null;
        }
        return node.asLong();
    }

    private Optional<JsonNode> body(HttpCall call, boolean emptyAllowed) {
        try {
            Optional<byte[]> bytes = call.body(MAX_BODY);
            if (bytes.isEmpty()) {
                call.json(413, WireFormat.error("CMN-413", "Request entity too large", null));
                return Optional.empty();
            }
            if (bytes.get().length == 0 && emptyAllowed) {
                return Optional.of(WireFormat.MAPPER.createObjectNode());
            }
            JsonNode json = WireFormat.MAPPER.readTree(bytes.get());
            if (json != null && json.isObject()) {
                return Optional.of(json);
            }
        } catch (IOException e) {
            // answered below: unreadable or not JSON
        }
        call.json(400, WireFormat.error("CMN-103", "JSON can't be parsed", null));
        return Optional.empty();
    }

    private static void invalid(HttpCall call, String parameter, String message) {
        call.json(400, WireFormat.error("CMN-101", message, parameter));
    }

    private static ObjectNode tooMany() {
        return WireFormat.error("SUB-406", "Subscriptions limit exceeded: at most "
                + Subscriptions.MAX_PER_USER_AND_APP + " per user and application", null);
    }
}
