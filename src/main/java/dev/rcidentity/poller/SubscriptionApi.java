package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * RingCentral's webhook subscription calls of one connection, through its client (its token, its rate limiter):
 * list, get, renew (Light), create, delete (Medium), for the extension list event filter.
 */
final class SubscriptionApi {
    static final String EVENT_FILTER = "/restapi/v1.0/account/~/extension";

    /** A subscription as RingCentral describes it; {@code expiresAt} null when it did not say. */
    record Info(String id, String status, Instant expiresAt, String address) {
        boolean active() {
            return "Active".equalsIgnoreCase(status);
        }

        static Info of(JsonNode node) {
            String id = SnapshotMapper.text(node, "id");
            if (id == null) {
                throw new RingCentralApiException("subscription answer without id", 200, null);
            }
            Instant expires = null;
            try {
                String time = SnapshotMapper.text(node, "expirationTime");
                expires = time == null ? null : Instant.parse(time);
            } catch (DateTimeParseException e) {
                // unknown expiry: renewed at the next check
            }
            return new Info(id, SnapshotMapper.text(node, "status"), expires,
                    SnapshotMapper.text(node.path("deliveryMode"), "address"));
        }
    }

    private final RingCentralClient client;

    SubscriptionApi(RingCentralClient client) {
        this.client = client;
    }

    /** This app and user's subscription delivering to {@code address}, if any (one list call, Light). */
    Optional<Info> find(URI address) throws InterruptedException {
        JsonNode list = client.call(Endpoint.SUBSCRIPTION_LIST, "GET", Endpoint.SUBSCRIPTION_LIST.path(), null);
        for (JsonNode record : list.path("records")) {
            if (address.toString().equals(record.path("deliveryMode").path("address").asText())) {
                return Optional.of(Info.of(record));
            }
        }
        return Optional.empty();
    }

    /** Empty when RingCentral no longer knows it (404). */
    Optional<Info> get(String id) throws InterruptedException {
        try {
            return Optional.of(Info.of(client.call(Endpoint.SUBSCRIPTION_GET, "GET", path(id), null)));
        } catch (RingCentralApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** RingCentral validates the address (the handshake) before it answers. */
    Info create(URI address, String verificationToken, Duration expiresIn) throws InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("eventFilters").add(EVENT_FILTER);
        body.putObject("deliveryMode").put("transportType", "WebHook").put("address", address.toString())
                .put("verificationToken", verificationToken);
        body.put("expiresIn", expiresIn.toSeconds());
        return Info.of(client.call(Endpoint.SUBSCRIPTION_CREATE, "POST", Endpoint.SUBSCRIPTION_CREATE.path(), body));
    }

    Info renew(String id) throws InterruptedException {
        return Info.of(client.call(Endpoint.SUBSCRIPTION_RENEW, "POST", path(id) + "/renew", null));
    }

    /** Deletes it; one RingCentral no longer knows counts as deleted. */
    void delete(String id) throws InterruptedException {
        try {
            client.call(Endpoint.SUBSCRIPTION_DELETE, "DELETE", path(id), null);
        } catch (RingCentralApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private static String path(String id) {
        return Endpoint.SUBSCRIPTION_GET.path() + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
