package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** RingCentral's {@code SubscriptionInfo} and {@code SubscriptionListResource}; never the verification token. */
final class SubscriptionFormat {
    private final String collectionUri;

    SubscriptionFormat(String collectionUri) {
        this.collectionUri = collectionUri;
    }

    ObjectNode info(Subscription subscription, Instant now) {
        Subscription.View view = subscription.view();
        ObjectNode node = WireFormat.MAPPER.createObjectNode();
        node.put("uri", collectionUri + "/" + subscription.id);
        node.put("id", subscription.id);
        node.put("creationTime", time(subscription.creationTime));
        node.put("status", view.blacklistedAt() == null ? "Active" : "Blacklisted");
        ArrayNode filters = node.putArray("eventFilters");
        view.eventFilters().forEach(filters::add);
        node.put("expirationTime", time(view.expirationTime()));
        node.put("expiresIn", Math.max(0, view.expirationTime().getEpochSecond() - now.getEpochSecond()));
        ObjectNode mode = node.putObject("deliveryMode");
        mode.put("transportType", "WebHook");
        mode.put("encryption", false);
        mode.put("address", subscription.address);
        if (view.blacklistedAt() != null) {
            ObjectNode blacklisted = node.putObject("blacklistedData");
            blacklisted.put("blacklistedAt", time(view.blacklistedAt()));
            blacklisted.put("reason", view.blacklistReason());
        }
        return node;
    }

    ObjectNode list(List<Subscription> subscriptions, Instant now) {
        ObjectNode node = WireFormat.MAPPER.createObjectNode();
        node.put("uri", collectionUri);
        ArrayNode records = node.putArray("records");
        subscriptions.forEach(s -> records.add(info(s, now)));
        return node;
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
