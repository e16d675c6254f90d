package dev.rcidentity.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A webhook notification as RingCentral delivered it ({@code payload}, the JSON object unchanged), for the
 * connection whose subscription it came through, with the time this service received it.
 */
public record Notification(String connectionId, String subscriptionId, Instant receivedAt, JsonNode payload) {
    private static final String RECORD = "Notification";

    public Notification {
        Ids.require(connectionId, RECORD, "connectionId");
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new InvalidRecordException(RECORD + " without subscriptionId");
        }
        if (receivedAt == null) {
            throw new InvalidRecordException(RECORD + " without receivedAt");
        }
        if (payload == null || !payload.isObject()) {
            throw new InvalidRecordException(RECORD + " payload must be a JSON object");
        }
    }
}
