package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/**
 * A token endpoint's answer that holds an access token. The body holds secrets: {@code toString} never shows it.
 *
 * @param body       the answer as RingCentral gave it (also the source of the login event)
 * @param receivedAt {@link System#nanoTime}-like moment the answer arrived: the lifetimes count from there
 */
record TokenResponse(JsonNode body, long receivedAt) {

    String accessToken() {
        return body.path("access_token").asText(null);
    }

    /** {@code expires_in}, when the answer gives a positive one. */
    Optional<Duration> accessLifetime() {
        return seconds("expires_in");
    }

    /** The refresh token that replaces the one presented; null when the answer brings none. */
    String rotatedRefreshToken() {
        String rotated = body.path("refresh_token").asText(null);
        return rotated == null || rotated.isEmpty() ? null : rotated;
    }

    /** {@code refresh_token_expires_in}, when the answer gives a positive one. */
    Optional<Duration> refreshLifetime() {
        return seconds("refresh_token_expires_in");
    }

    /** The extension the tokens act for ({@code owner_id}), else {@code otherwise}. */
    String ownerId(String otherwise) {
        return body.path("owner_id").asText(otherwise);
    }

    private Optional<Duration> seconds(String field) {
        JsonNode value = body.get(field);
        if (value == null || !(value.isNumber() || value.isTextual())) {
            return Optional.empty();
        }
        long seconds = value.asLong(-1);
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TokenResponse[receivedAt=" + receivedAt + ", tokens redacted]";
    }
}
