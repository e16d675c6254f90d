package dev.rcidentity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import dev.rcidentity.kafka.Topic;
import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.AccountSummary;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.EncryptedCredential;
import dev.rcidentity.model.Notification;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Resolution;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topic schemas are valid JSON Schema 2020-12, the records the project's own serdes write validate against them,
 * and records that break the contract do not.
 */
class TopicSchemasTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-02T10:30:00.123Z");

    @Test
    void everySchemaFileIsValidJsonSchema2020_12() {
        File[] files = new File("topics/schemas").listFiles((d, n) -> n.endsWith(".schema.json"));
        assertTrue(files != null && files.length > 0, "no schema files in topics/schemas");
        for (File file : files) {
            JsonNode schema = TopicSchemas.read(file.getName());
            assertEquals(TopicSchemas.META_SCHEMA, schema.path("$schema").asText(), file.getName());
            assertEquals(List.of(), TopicSchemas.metaSchema().validate(schema), file.getName());
        }
    }

    @Test
    void everyTopicWithJsonValuesHasASchemaAndEverySchemaATopic() {
        Set<String> topics = Arrays.stream(new File("topics").listFiles((d, n) -> n.endsWith(".properties")))
                .map(f -> f.getName().replace(".properties", "")).collect(Collectors.toSet());
        topics.remove(Topics.DEAD_LETTERS.name()); // raw bytes: whatever failed, as received
        Set<String> schemas = Arrays.stream(new File("topics/schemas").listFiles((d, n) -> n.startsWith("rc.")))
                .map(f -> f.getName().replace(".schema.json", "")).collect(Collectors.toSet());
        assertEquals(topics, schemas);
    }

    @Test
    void accountsAsTheSerdeWritesThemValidate() {
        assertValid(Topics.ACCOUNTS, new AccountSnapshot("400001", "Acme", "+16505550100", "Confirmed", "RingCentral", T0));
        assertValid(Topics.ACCOUNTS, new AccountSnapshot("400001", null, null, null, null, T1));
    }

    @Test
    void extensionsAsTheSerdeWritesThemValidate() {
        ExtensionSnapshot alice = new ExtensionSnapshot("400001", "400101", "420", "Alice Smith", "User", null, "Enabled",
                true, false, new Contact("Alice", "Smith", "alice@example.com", null, "CTO"), "main-site", T0, false, T1);
        assertValid(Topics.EXTENSIONS, alice);
        assertValid(Topics.EXTENSIONS, alice.asDeleted(T1));
        assertValid(Topics.EXTENSIONS, new ExtensionSnapshot("400001", "400102", "", null, "HotDesk", null, "Unassigned",
                false, true, null, null, null, false, T0));
    }

    @Test
    void loginsAsTheSerdeWritesThemValidate() {
        assertValid(Topics.LOGINS, new LoginEvent("400101", "400001", T0, LoginEvent.SOURCE_POLLER, "endpoint-1",
                "ReadAccounts", "urn:ietf:params:oauth:grant-type:jwt-bearer", "client-1"));
        assertValid(Topics.LOGINS, new LoginEvent("400101", null, T1, LoginEvent.SOURCE_INGEST, null, null, null, null));
    }

    @Test
    void identitiesAsTheSerdeWritesThemValidate() {
        assertValid(Topics.IDENTITIES, new Identity("400101", "400101", "400001", Resolution.RESOLVED, false, "420",
                "Alice Smith", "User", "Enabled", false, new AccountSummary("Acme", "+16505550100", "Confirmed"),
                T0, T1, 2, "420", T1));
        assertValid(Topics.IDENTITIES, new Identity("400101", "400101", null, Resolution.UNRESOLVED, false, null,
                null, null, null, null, null, T0, T0, 1, null, T0));
        assertValid(Topics.IDENTITIES, new Identity("400001", "400001", "400001", Resolution.DELETED, true, "101",
                "Admin", "User", "Enabled", true, new AccountSummary(null, null, null), T0, T0, 1, "101", T1));
    }

    @Test
    void historyRowsAsTheSerdeWritesThemValidate() {
        HistoryRow first = new HistoryRow(HistoryRow.rowId("400101", 1), "400101", "400001", 1, T0, null, true,
                HistoryRow.CREATED, null, "Seat", "User", "Unassigned", false);
        assertValid(Topics.EXTENSION_HISTORY, first);
        assertValid(Topics.EXTENSION_HISTORY, first.closedAt(T1));
        assertValid(Topics.EXTENSION_HISTORY, new HistoryRow(HistoryRow.rowId("400101", 2), "400101", "400001", 2, T1,
                null, true, HistoryRow.ASSIGNED, "420", "Alice Smith", "User", "Enabled", false));
    }

    @Test
    void aRecordWithoutARequiredFieldOrWithAWrongValueFails() {
        JsonNode identity = written(Topics.IDENTITIES, new Identity("400101", "400101", "400001", Resolution.RESOLVED,
                false, "420", "Alice", "User", "Enabled", false, null, T0, T0, 1, "420", T0));
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.remove("resolution"), "required");
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.put("resolution", "MAYBE"), "enum");
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.put("ownerId", 400101), "type");
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.put("accountId", "40-0001"), "pattern");
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.put("updatedAt", "2026-03-01 09:00"), "format");
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.put("updatedAt", "2026-03-01T09:00:00+01:00"), "pattern");
        assertInvalid(Topics.IDENTITIES.name(), identity, n -> n.put("nickname", "Al"), "additionalProperties");

        JsonNode row = written(Topics.EXTENSION_HISTORY, new HistoryRow("400101:1", "400101", "400001", 1, T0, null,
                true, HistoryRow.CREATED, "420", "Alice", "User", "Enabled", false));
        assertInvalid(Topics.EXTENSION_HISTORY.name(), row, n -> n.put("change", "MOVED"), "enum");
        assertInvalid(Topics.EXTENSION_HISTORY.name(), row, n -> n.put("rowId", "400101-1"), "pattern");

        JsonNode login = written(Topics.LOGINS, new LoginEvent("400101", null, T0, LoginEvent.SOURCE_INGEST, null,
                null, null, null));
        assertInvalid(Topics.LOGINS.name(), login, n -> n.put("source", "api"), "enum");
        assertInvalid(Topics.LOGINS.name(), login, n -> n.put("accessToken", "secret"), "additionalProperties");

        JsonNode extension = written(Topics.EXTENSIONS, new ExtensionSnapshot("400001", "400101", "420", "Alice", "User",
                null, "Enabled", false, false, null, null, null, false, T0));
        assertInvalid(Topics.EXTENSIONS.name(), extension, n -> n.remove("deleted"), "required");
        assertInvalid(Topics.EXTENSIONS.name(), extension, n -> n.putObject("contact").put("firstName", "Alice"), "required");
    }

    @Test
    void connectionsCarryTheirCredentialOnlyEncrypted() throws Exception {
        ObjectNode connection = (ObjectNode) written(Topics.CONNECTIONS, new Connection("1152921504606846977", "Acme",
                "https://platform.ringcentral.com", "client-1", Connection.GRANT_REFRESH_TOKEN, "400001", "400001",
                Connection.ACTIVE, null, T0, T1, new EncryptedCredential("0a1b2c3d4e5f6071", "AES-256-GCM",
                "AAECAwQFBgcICQoL", "3q2+7w8fHy8vPz9PT19fb29/f4+Pn5+vr7+/z8/f3+/v///w==")));
        String topic = Topics.CONNECTIONS.name();
        assertEquals(List.of(), TopicSchemas.errors(topic, connection));
        ObjectNode pending = connection.deepCopy();
        pending.putNull("accountId").putNull("ownerId").put("status", "REJECTED").put("statusReason", "key k0 unknown");
        assertEquals(List.of(), TopicSchemas.errors(topic, pending));

        assertInvalid(topic, connection, n -> n.put("status", "PAUSED"), "enum");
        assertInvalid(topic, connection, n -> n.put("grantType", "password"), "enum");
        assertInvalid(topic, connection, n -> n.remove("credential"), "required");
        assertInvalid(topic, connection, n -> n.put("clientSecret", "s3cret"), "additionalProperties");
        assertInvalid(topic, connection, n -> n.with("credential").put("refreshToken", "plain"), "additionalProperties");
        assertInvalid(topic, connection, n -> n.with("credential").put("algorithm", "AES-128-CBC"), "const");
        assertInvalid(topic, connection, n -> n.with("credential").put("nonce", "short"), "pattern");
    }

    @Test
    void notificationsCarryTheDeliveryAsReceived() throws Exception {
        JsonNode payload = Json.MAPPER.readTree("""
                {"uuid": "6b1f", "event": "/restapi/v1.0/account/400001/extension",
                 "timestamp": "2026-03-01T09:00:00.512Z", "subscriptionId": "sub-1", "ownerId": "400001",
                 "body": {"extensions": [{"extensionId": "400101", "eventType": "Update"}]}, "somethingNew": true}
                """);
        ObjectNode notification = (ObjectNode) written(Topics.NOTIFICATIONS,
                new Notification("1152921504606846977", "sub-1", T1, payload));
        String topic = Topics.NOTIFICATIONS.name();
        assertEquals(List.of(), TopicSchemas.errors(topic, notification));
        assertInvalid(topic, notification, n -> n.remove("receivedAt"), "required");
        assertInvalid(topic, notification, n -> n.put("payload", "{\"uuid\": \"6b1f\"}"), "type");
        assertInvalid(topic, notification, n -> n.put("connectionId", ""), "pattern");
    }

    @Test
    void keysAreDecimalIds() {
        assertEquals(List.of(), TopicSchemas.errors(Topics.ACCOUNTS.name(), "1696121004",
                Topics.ACCOUNTS.valueSerde().serializer().serialize("t", new AccountSnapshot("1696121004", null, null,
                        null, null, T0))));
        List<Error> errors = TopicSchemas.errors(Topics.ACCOUNTS.name(), "acct-1", "{}".getBytes());
        assertFalse(errors.isEmpty());
        assertEquals("pattern", errors.get(0).getKeyword());
    }

    private static <V> JsonNode written(Topic<String, V> topic, V value) {
        try {
            return Json.MAPPER.readTree(topic.valueSerde().serializer().serialize(topic.name(), value));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static <V> void assertValid(Topic<String, V> topic, V value) {
        JsonNode json = written(topic, value);
        assertEquals(List.of(), TopicSchemas.errors(topic.name(), json), json.toString());
    }

    /** {@code change} applied to a copy of a valid record makes it fail, with an error from {@code keyword}. */
    private static void assertInvalid(String topic, JsonNode valid, Consumer<ObjectNode> change, String keyword) {
        ObjectNode broken = valid.deepCopy();
        change.accept(broken);
        List<Error> errors = TopicSchemas.errors(topic, broken);
        assertFalse(errors.isEmpty(), "should fail: " + broken);
        assertTrue(errors.stream().anyMatch(e -> keyword.equals(e.getKeyword())), keyword + " expected: " + errors);
    }
}
