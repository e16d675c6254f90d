package dev.rcidentity.webhooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.Json;

import java.io.IOException;

/**
 * A delivery's JSON envelope ({@code uuid, event, timestamp, subscriptionId, ownerId, body}), checked just enough to
 * be worth keeping: an object with a {@code subscriptionId} and an object {@code body}. The rest passes unchanged.
 */
record WebhookEnvelope(String subscriptionId, ObjectNode payload) {
    static final int MAX_ID_LENGTH = 200;

    /** @throws MalformedDeliveryException naming what is wrong */
    static WebhookEnvelope parse(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedDeliveryException("the body is not JSON");
        } catch (IOException e) {
            throw new MalformedDeliveryException("the body cannot be read");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedDeliveryException("the body must be a JSON object");
        }
        JsonNode subscription = node.get("subscriptionId");
        if (subscription == null || !subscription.isTextual() || subscription.asText().isBlank()
                || subscription.asText().length() > MAX_ID_LENGTH) {
            throw new MalformedDeliveryException("subscriptionId is missing or not a string");
        }
        if (!node.path("body").isObject()) {
            throw new MalformedDeliveryException("body is missing or not an object");
        }
        return new WebhookEnvelope(subscription.asText(), (ObjectNode) node);
    }

    /** A delivery this receiver does not accept: a 400 naming the field. */
    static final class MalformedDeliveryException extends RuntimeException {
        MalformedDeliveryException(String message) {
            super(message, null, false, false);
        }
    }
}
