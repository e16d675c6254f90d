package dev.rcidentity.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;
import dev.rcidentity.query.ApiError;

import java.io.IOException;

/** The body of {@code POST /v1/connections/links}: {@code {"name": ...}}, the connection the link will create. */
final class LinkRequest {
    private LinkRequest() {
    }

    static String name(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object: {\"name\": \"...\"}");
        }
        JsonNode name = node.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw ApiError.badRequest("name must be a string");
        }
        try {
            return ConnectionNames.check(name == null || name.isNull() ? null : name.asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }
}
