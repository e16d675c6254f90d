package dev.rcidentity.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.simulator.SimulatorChanges.Change;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Extension list events ({@code /restapi/v1.0/account/{id}/extension}) from a tick's changes. The guide's shape
 * carries every extension an account's tick changed in one notification, {@code body.extensions[]{extensionId,
 * eventType, hints}}; the spec's flat shape, {@code body{extensionId, eventType, ownerId}}, one notification each.
 */
final class ExtensionEvents {
    record Event(String extensionId, String eventType) {
    }

    private ExtensionEvents() {
    }

    /** Per account, the extensions the changes touched, in order, each once (a hire stays a Create). */
    static Map<String, List<Event>> byAccount(SimulatorChanges changes) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (Change change : changes.changes()) {
            types.computeIfAbsent(change.accountId(), a -> new LinkedHashMap<>())
                    .putIfAbsent(change.extensionId(), eventType(change.kind()));
        }
        Map<String, List<Event>> events = new LinkedHashMap<>();
        types.forEach((account, byId) -> events.put(account,
                byId.entrySet().stream().map(e -> new Event(e.getKey(), e.getValue())).toList()));
        return events;
    }

    static String eventType(SimulatorChanges.Kind kind) {
        return switch (kind) {
            case HIRED, SEAT_PROVISIONED -> "Create";
            case DEPARTED -> "Delete";
            case NUMBER_RECYCLED, ASSIGNED, RENAMED, STATUS_CHANGED -> "Update";
        };
    }

    /** The notifications for one subscription. */
    static List<Notification> notifications(Subscription subscription, List<Event> events, boolean flat,
                                            Instant now) {
        List<Notification> out = new ArrayList<>();
        if (flat) {
            for (Event event : events) {
                ObjectNode body = WireFormat.MAPPER.createObjectNode();
                body.put("extensionId", event.extensionId());
                body.put("eventType", event.eventType());
                body.put("ownerId", subscription.ownerId);
                out.add(envelope(subscription, List.of(event.extensionId()), body, now));
            }
        } else if (!events.isEmpty()) {
            ObjectNode body = WireFormat.MAPPER.createObjectNode();
            ArrayNode extensions = body.putArray("extensions");
            for (Event event : events) {
                ObjectNode node = extensions.addObject();
                node.put("extensionId", event.extensionId());
                node.put("eventType", event.eventType());
                node.putArray("hints");
            }
            out.add(envelope(subscription, events.stream().map(Event::extensionId).toList(), body, now));
        }
        return out;
    }

    private static Notification envelope(Subscription subscription, List<String> extensionIds, ObjectNode body,
                                         Instant now) {
        String uuid = UUID.randomUUID().toString();
        ObjectNode envelope = WireFormat.MAPPER.createObjectNode();
        envelope.put("uuid", uuid);
        envelope.put("event", "/restapi/v1.0/account/" + subscription.accountId + "/extension");
        envelope.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS)));
        envelope.put("subscriptionId", subscription.id);
        envelope.put("ownerId", subscription.ownerId);
        envelope.set("body", body);
        try {
            return new Notification(uuid, subscription.id, extensionIds, WireFormat.MAPPER.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
