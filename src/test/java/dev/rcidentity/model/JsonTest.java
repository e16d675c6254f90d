package dev.rcidentity.model;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    private final Serde<ExtensionSnapshot> serde = Json.serde(ExtensionSnapshot.class);

    private ExtensionSnapshot read(String json) {
        return serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheContractsFieldNamesWithIdsAsStringsAndIsoTimes() {
        ExtensionSnapshot snapshot = new ExtensionSnapshot("1", "2", null, "Seat", "User", null, "Unassigned", false,
                false, null, null, null, false, Instant.parse("2026-03-01T09:00:00Z"));
        String json = new String(serde.serializer().serialize("t", snapshot), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"accountId\":\"1\""), json);
        assertTrue(json.contains("\"extensionNumber\":null"), json);
        assertTrue(json.contains("\"observedAt\":\"2026-03-01T09:00:00Z\""), json);
        assertEquals(snapshot, read(json));
    }

    @Test
    void ignoresUnknownFieldsAndAcceptsNumericIds() {
        ExtensionSnapshot s = read("{\"accountId\": 400001, \"extensionId\": 400101, \"type\": \"HotDesk\", \"future\": {\"x\": 1}}");
        assertEquals("400001", s.accountId());
        assertEquals("HotDesk", s.type());
    }

    @Test
    void emptyOrNullBytesAreATombstone() {
        assertNull(serde.deserializer().deserialize("t", null));
        assertNull(serde.deserializer().deserialize("t", new byte[0]));
    }

    @Test
    void badInputFailsWithAMessageThatSaysWhatIsWrongWithoutThePayload() {
        SerializationException malformed = assertThrows(SerializationException.class, () -> read("{\"secretish\": "));
        assertTrue(malformed.getMessage().startsWith("Malformed JSON for ExtensionSnapshot in t"), malformed.getMessage());
        assertTrue(!malformed.getMessage().contains("secretish"), malformed.getMessage());
        SerializationException missing = assertThrows(SerializationException.class, () -> read("{\"accountId\": \"1\"}"));
        assertEquals("Invalid ExtensionSnapshot in t: ExtensionSnapshot without extensionId", missing.getMessage());
        SerializationException notAnId = assertThrows(SerializationException.class,
                () -> read("{\"accountId\": \"1\", \"extensionId\": \"12a\"}"));
        assertTrue(notAnId.getMessage().contains("malformed extensionId"), notAnId.getMessage());
    }

    @Test
    void aLoginEventNeedsItsOwnerButNotItsAccount() {
        Serde<LoginEvent> logins = Json.serde(LoginEvent.class);
        LoginEvent login = logins.deserializer().deserialize("t",
                "{\"ownerId\": \"5\", \"loggedInAt\": \"2026-03-01T09:00:00Z\", \"source\": \"ingest\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(login.accountId());
        assertThrows(SerializationException.class, () -> logins.deserializer().deserialize("t",
                "{\"accountId\": \"5\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHistoryRowHasExactlyTheContractsFields() throws Exception {
        HistoryRow row = new HistoryRow("1:1", "1", "2", 1, Instant.parse("2026-03-01T09:00:00Z"), null, true, "CREATED",
                "420", "Alice", "User", "Enabled", false);
        var fields = new java.util.TreeSet<String>();
        Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(row)).fieldNames().forEachRemaining(fields::add);
        assertEquals(new java.util.TreeSet<>(java.util.List.of("rowId", "extensionId", "accountId", "version", "validFrom",
                "validTo", "current", "change", "extensionNumber", "name", "type", "status", "admin")), fields);
    }
}
