package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON of subscription requests; on bad input answers 400 naming the parameter and returns null/empty. */
final class SubscriptionRequest {
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_TOKEN = 256;

    /** A WebHook delivery mode; the verification token is optional (null). */
    record DeliveryMode(String address, String verificationToken) {
        @Override
        public String toString() {
            return "DeliveryMode[address=" + address + ", verificationToken=***]";
        }
    }

    private SubscriptionRequest() {
    }

    /** The filters with {@code ~} resolved; only the extension list filter of the owner's account is supported. */
    static List<String> filters(HttpCall call, TokenService.Grant owner, JsonNode node) {
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

    static Long expiresIn(HttpCall call, JsonNode node, long fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > SubscriptionEndpoint.MAX_EXPIRES_IN) {
            invalid(call, "expiresIn", "Parameter [expiresIn] must be 1.." + SubscriptionEndpoint.MAX_EXPIRES_IN);
            return null;
        }
        return node.asLong();
    }

    static Optional<JsonNode> body(HttpCall call, boolean emptyAllowed) {
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

    static void invalid(HttpCall call, String parameter, String message) {
        call.json(400, WireFormat.error("CMN-101", message, parameter));
    }

    static DeliveryMode deliveryMode(HttpCall call, JsonNode mode) {
        String address = mode.path("address").asText("");
        JsonNode token = mode.get("verificationToken");
        if (!"WebHook".equals(mode.path("transportType").asText())) {
            invalid(call, "deliveryMode.transportType", "Parameter [deliveryMode.transportType] must be WebHook");
        } else if (!AuthorizeEndpoint.acceptableRedirect(address)) {
            invalid(call, "deliveryMode.address", "Parameter [deliveryMode.address] must be an absolute http(s) URL");
        } else if (token != null && (!token.isTextual() || token.asText().isEmpty()
                || token.asText().length() > MAX_TOKEN)) {
            invalid(call, "deliveryMode.verificationToken", "Parameter [deliveryMode.verificationToken] is invalid");
        } else {
            return new DeliveryMode(address, token == null ? null : token.asText());
        }
        return null;
    }
}
