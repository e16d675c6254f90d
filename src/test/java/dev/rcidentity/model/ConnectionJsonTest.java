package dev.rcidentity.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionJsonTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private final Serde<Connection> serde = Json.serde(Connection.class);

    static Connection connection() {
        return new Connection("1234", "acme", "https://platform.ringcentral.com", "client-1", Connection.GRANT_JWT,
                null, null, Connection.ACTIVE, null, AT, AT,
                new EncryptedCredential("0a1b2c3d4e5f6071", "AES-256-GCM", "bm9uY2U=", "Y2lwaGVy"));
    }

    private Connection read(String json) {
        return serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void roundTripsWithExactlyTheContractsFields() throws Exception {
        Connection connection = connection();
        byte[] bytes = serde.serializer().serialize("t", connection);
        assertEquals(connection, serde.deserializer().deserialize("t", bytes));
        JsonNode tree = Json.MAPPER.readTree(bytes);
        assertEquals(new TreeSet<>(List.of("connectionId", "name", "serverUrl", "clientId", "grantType", "accountId",
                "ownerId", "status", "statusReason", "createdAt", "updatedAt", "credential")), fields(tree));
        assertEquals(new TreeSet<>(List.of("keyId", "algorithm", "nonce", "ciphertext")), fields(tree.get("credential")));
        assertEquals("2026-03-01T09:00:00Z", tree.get("createdAt").asText());
    }

    @Test
    void ignoresUnknownFieldsAndRejectsWhatBreaksTheContractNamingTheField() throws Exception {
        String json = new String(serde.serializer().serialize("t", connection()), StandardCharsets.UTF_8);
        assertEquals(connection(), read(json.replace("{\"connectionId\"", "{\"future\":1,\"connectionId\"")));
        assertEquals("Invalid Connection in t: Connection has an unknown grantType 'password' (expected one of jwt, refresh_token)",
                assertThrows(SerializationException.class, () -> read(json.replace("\"jwt\"", "\"password\""))).getMessage());
        assertTrue(assertThrows(SerializationException.class, () -> read(json.replace("\"ACTIVE\"", "\"ON\"")))
                .getMessage().contains("unknown status"));
        assertTrue(assertThrows(SerializationException.class, () -> read(json.replace("\"1234\"", "\"12x\"")))
                .getMessage().contains("malformed connectionId"));
        assertTrue(assertThrows(SerializationException.class, () -> read(json.replace("\"nonce\":\"bm9uY2U=\"", "\"nonce\":null")))
                .getMessage().contains("credential without nonce"));
        assertNull(serde.deserializer().deserialize("t", null));
    }

    @Test
    void newIdsAreDecimalIdsThatDiffer() {
        SecureRandom random = new SecureRandom();
        String a = Connection.newId(random);
        assertTrue(Ids.isValid(a), a);
        assertEquals(19, a.length());
        assertFalse(a.equals(Connection.newId(random)));
    }

    @Test
    void aNotificationKeepsThePayloadObjectAsSent() throws Exception {
        Serde<Notification> notifications = Json.serde(Notification.class);
        JsonNode payload = Json.MAPPER.readTree("{\"uuid\":\"u-1\",\"event\":\"/restapi/v1.0/account/~/extension\","
                + "\"body\":{\"extensions\":[{\"extensionId\":\"7\",\"eventType\":\"Update\"}]},\"extra\":[1,2]}");
        Notification notification = new Notification("1234", "sub-1", AT, payload);
        byte[] bytes = notifications.serializer().serialize("t", notification);
        assertEquals(notification, notifications.deserializer().deserialize("t", bytes));
        assertEquals(payload, Json.MAPPER.readTree(bytes).get("payload"));
        assertThrows(SerializationException.class, () -> notifications.deserializer().deserialize("t",
                "{\"connectionId\":\"1\",\"subscriptionId\":\"s\",\"receivedAt\":\"2026-03-01T09:00:00Z\",\"payload\":[1]}"
                        .getBytes(StandardCharsets.UTF_8)));
    }
}
