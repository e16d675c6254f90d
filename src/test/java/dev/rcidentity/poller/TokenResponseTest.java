package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the poller reads from a token answer, and what it never shows. */
class TokenResponseTest {
    private static TokenResponse answer(ObjectNode body) {
        return new TokenResponse(body.put("access_token", "access-secret"), 7L);
    }

    @Test
    void readsLifetimesGivenAsNumbersOrText() {
        TokenResponse response = answer(Json.MAPPER.createObjectNode().put("expires_in", 3600)
                .put("refresh_token_expires_in", "604800"));

        assertEquals(Optional.of(Duration.ofHours(1)), response.accessLifetime());
        assertEquals(Optional.of(Duration.ofDays(7)), response.refreshLifetime());
    }

    @Test
    void aMissingZeroOrUnreadableLifetimeIsNone() {
        assertEquals(Optional.empty(), answer(Json.MAPPER.createObjectNode()).accessLifetime());
        assertEquals(Optional.empty(), answer(Json.MAPPER.createObjectNode().put("expires_in", 0)).accessLifetime());
        assertEquals(Optional.empty(), answer(Json.MAPPER.createObjectNode().put("expires_in", "soon")).accessLifetime());
        ObjectNode nested = Json.MAPPER.createObjectNode();
        nested.putObject("refresh_token_expires_in").put("seconds", 60);
        assertEquals(Optional.empty(), answer(nested).refreshLifetime());
    }

    @Test
    void anEmptyRefreshTokenIsNoRotation() {
        assertNull(answer(Json.MAPPER.createObjectNode().put("refresh_token", "")).rotatedRefreshToken());
        assertNull(answer(Json.MAPPER.createObjectNode()).rotatedRefreshToken());
        assertEquals("next", answer(Json.MAPPER.createObjectNode().put("refresh_token", "next")).rotatedRefreshToken());
    }

    @Test
    void keepsTheKnownOwnerWhenTheAnswerNamesNone() {
        assertEquals("known", answer(Json.MAPPER.createObjectNode()).ownerId("known"));
        assertEquals("101", answer(Json.MAPPER.createObjectNode().put("owner_id", "101")).ownerId("known"));
    }

    @Test
    void neverShowsTheTokens() {
        String shown = answer(Json.MAPPER.createObjectNode().put("refresh_token", "refresh-secret")).toString();

        assertFalse(shown.contains("secret"), shown);
    }
}
