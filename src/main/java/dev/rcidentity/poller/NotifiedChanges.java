package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Ids;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extensions a window of one connection's notifications named, each once, with whether any notification said it
 * was deleted. Reads both shapes RingCentral documents: the guide's {@code body.extensions[] {extensionId,
 * eventType}} and the spec's flat {@code body {extensionId, eventType}}. Ids that are not decimal ids are ignored.
 */
final class NotifiedChanges {
    static final String DELETE = "Delete";

    /** extensionId -> named as deleted by at least one notification of the window. */
    private final Map<String, Boolean> extensions = new LinkedHashMap<>();

    void add(JsonNode payload) {
        JsonNode body = payload.path("body");
        if (body.path("extensions").isArray()) {
            body.path("extensions").forEach(this::addOne);
        } else {
            addOne(body);
        }
    }

    private void addOne(JsonNode event) {
        String id = event.path("extensionId").asText(null);
        if (Ids.isValid(id)) {
            extensions.merge(id, DELETE.equalsIgnoreCase(event.path("eventType").asText()), Boolean::logicalOr);
        }
    }

    Map<String, Boolean> extensions() {
        return extensions;
    }

    int size() {
        return extensions.size();
    }
}
