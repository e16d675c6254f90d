package dev.rcidentity.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginEventsTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void readsOnlyTheNonSecretFields() throws Exception {
        JsonNode response = json("""
                {"access_token": "AT-SECRET", "token_type": "bearer", "expires_in": 3600,
                 "refresh_token": "RT-SECRET", "refresh_token_expires_in": 604800, "scope": "ReadAccounts",
                 "owner_id": "1696121004", "endpoint_id": "ep-1", "id_token": "ID-SECRET"}""");
        LoginEvent event = LoginEvents.fromTokenResponse(response, LoginEvent.SOURCE_POLLER, AT, "1696121004", "app",
                "refresh_token");
        assertEquals(new LoginEvent("1696121004", "1696121004", AT, "poller", "ep-1", "ReadAccounts",
                "refresh_token", "app"), event);
        String published = Json.MAPPER.writeValueAsString(event);
        assertFalse(published.contains("SECRET"), published);
    }

    @Test
    void aNumericOwnerIdAndAReportedGrantTypeAreAccepted() throws Exception {
        LoginEvent event = LoginEvents.fromTokenResponse(json("{\"owner_id\": 42, \"grant_type\": \"authorization_code\"}"),
                LoginEvent.SOURCE_INGEST, AT, null, null);
        assertEquals("42", event.ownerId());
        assertEquals("authorization_code", event.grantType());
        assertNull(event.accountId());
        assertNull(event.endpointId());
    }

    @Test
    void aMissingOrMalformedOwnerIdIsInvalid() {
        assertThrows(InvalidRecordException.class, () -> LoginEvents.fromTokenResponse(
                json("{\"access_token\": \"x\"}"), LoginEvent.SOURCE_INGEST, AT, null, null));
        assertThrows(InvalidRecordException.class, () -> LoginEvents.fromTokenResponse(
                json("{\"owner_id\": \"abc\"}"), LoginEvent.SOURCE_INGEST, AT, null, null));
        assertThrows(InvalidRecordException.class, () -> LoginEvents.fromTokenResponse(
                json("[1]"), LoginEvent.SOURCE_INGEST, AT, null, null));
    }

    @Test
    void theAccountCanBeFilledInLater() {
        LoginEvent event = new LoginEvent("7", null, AT, "poller", "e", "s", "g", "c");
        assertEquals("9", LoginEvents.withAccountId(event, "9").accountId());
        assertEquals(event.ownerId(), LoginEvents.withAccountId(event, "9").ownerId());
    }
}
