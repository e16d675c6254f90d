package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rcidentity.model.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Status, headers and body of an answer. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, String contentType) {
    public static final String JSON = "application/json";

    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, new LinkedHashMap<>(), Json.MAPPER.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write response", e);
        }
    }

    /** 200 with a body that is JSON already (an answer relayed from another instance). */
    static ApiResponse json(byte[] json) {
        return new ApiResponse(200, new LinkedHashMap<>(), json, JSON);
    }

    public static ApiResponse text(int status, String text, String contentType) {
        return new ApiResponse(status, new LinkedHashMap<>(), text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private record ErrorBody(Detail error) {
        private record Detail(String code, String message) {
        }
    }

    public static ApiResponse error(ApiError e) {
        ApiResponse response = json(e.status(), new ErrorBody(new ErrorBody.Detail(e.code(), e.getMessage())));
        if (e.retryAfterSeconds() != null) {
            response.headers().put(Headers.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    public ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
