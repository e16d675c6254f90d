package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Json;

import java.io.IOException;

/**
 * This API's answer other than success, thrown by a handler and rendered with the contract's error body:
 * {@code {"error": {"code", "message"}}}, with {@code Retry-After} when it says when to try again.
 */
public class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    /** 503 with Retry-After: the store cannot answer yet (starting, rebalancing, restoring). */
    public static ApiError unavailable(String message) {
        return new ApiError(503, "unavailable", message, 1);
    }

    public static ApiError internal() {
        return new ApiError(500, "internal", "internal error");
    }

    /** An error the server itself answers (a malformed request line, headers too large), with its contract code. */
    public static ApiError ofStatus(int status, String message) {
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        return new ApiError(status, code, message == null || message.isBlank() ? "HTTP " + status : message,
                status == 503 ? 1 : null);
    }

    /** The error another instance answered, passed on as it said it. */
    static ApiError relayed(int status, byte[] body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            if (error.hasNonNull("code") && error.hasNonNull("message")) {
                return new ApiError(status, error.get("code").asText(), error.get("message").asText());
            }
        } catch (IOException e) {
            // not the contract's error body: say what is known
        }
        return ofStatus(status, "another instance answered " + status);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
