package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rcidentity.model.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Status, headers and body of an answer. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, String contentType) {

    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, new LinkedHashMap<>(), Json.MAPPER.writeValueAsBytes(value), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write response", e);
        }
    }

    public static ApiResponse text(int status, String text, String contentType) {
        return new ApiResponse(status, new LinkedHashMap<>(), text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public static ApiResponse error(ApiException e) {
        ApiResponse response = json(e.status(), Map.of("error", Map.of("code", e.code(), "message", e.getMessage())));
        if (e.retryAfterSeconds() != null) {
            response.headers().put("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    public ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
