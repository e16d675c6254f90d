package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;

import java.io.IOException;
import java.time.Instant;

/**
 * One extension record, field by field, from a parser standing on its opening brace: the one mapping of RingCentral's
 * extension JSON, for a page as it streams ({@link ExtensionPageReader}) and for a fetched tree
 * ({@link SnapshotMapper#extension}). Lenient as a tree lookup is: unknown fields are skipped, a field given twice
 * counts as its last value, null or a container where text is expected is null, other scalars read as their text
 * (ids come as numbers), {@code permissions.admin.enabled} and {@code hidden} are false unless true.
 */
final class ExtensionRecordReader {
    private ExtensionRecordReader() {
    }

    @FunctionalInterface
    private interface ValueReader<T> {
        T read(JsonParser value) throws IOException;
    }

    static ExtensionSnapshot read(JsonParser record, String accountId, Instant observedAt) throws IOException {
        String id = null, number = null, name = null, type = null, subType = null, status = null, site = null;
        String created = null;
        boolean admin = false, hidden = false;
        Contact contact = null;
        while (record.nextToken() == JsonToken.FIELD_NAME) {
            String field = record.currentName();
            record.nextToken();
            switch (field) {
                case "id" -> id = text(record);
                case "extensionNumber" -> number = text(record);
                case "name" -> name = text(record);
                case "type" -> type = text(record);
                case "subType" -> subType = text(record);
                case "status" -> status = text(record);
                case "permissions" -> admin = member(record, "admin",
                        adminValue -> member(adminValue, "enabled", ExtensionRecordReader::bool, false), false);
                case "hidden" -> hidden = bool(record);
                case "contact" -> contact = contact(record);
                case "site" -> site = member(record, "id", ExtensionRecordReader::text, null);
                case "creationTime" -> created = text(record);
                default -> record.skipChildren();
            }
        }
        return new ExtensionSnapshot(accountId, id, number, name, type, subType, status, admin, hidden, contact, site,
                SnapshotMapper.instant(created), false, observedAt);
    }

    private static Contact contact(JsonParser value) throws IOException {
        if (value.currentToken() != JsonToken.START_OBJECT) {
            value.skipChildren();
            return null;
        }
        String first = null, last = null, email = null, department = null, jobTitle = null;
        while (value.nextToken() == JsonToken.FIELD_NAME) {
            String field = value.currentName();
            value.nextToken();
            switch (field) {
                case "firstName" -> first = text(value);
                case "lastName" -> last = text(value);
                case "email" -> email = text(value);
                case "department" -> department = text(value);
                case "jobTitle" -> jobTitle = text(value);
                default -> value.skipChildren();
            }
        }
        return new Contact(first, last, email, department, jobTitle);
    }

    /** The last value of {@code field} when {@code value} is an object that has it, else {@code absent}. */
    private static <T> T member(JsonParser value, String field, ValueReader<T> reader, T absent) throws IOException {
        if (value.currentToken() != JsonToken.START_OBJECT) {
            value.skipChildren();
            return absent;
        }
        T found = absent;
        while (value.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = field.equals(value.currentName());
            value.nextToken();
            if (wanted) {
                found = reader.read(value);
            } else {
                value.skipChildren();
            }
        }
        return found;
    }

    private static String text(JsonParser value) throws IOException {
        JsonToken token = value.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return value.getText();
        }
        if (token == JsonToken.VALUE_NULL || token.isStructStart()) {
            value.skipChildren();
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT && value.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Long.toString(value.getLongValue());
        }
        // Rarer scalars (fractions, big numbers, booleans) read as their tree node's text, exactly as before.
        return ((JsonNode) value.readValueAsTree()).asText();
    }

    private static boolean bool(JsonParser value) throws IOException {
        JsonToken token = value.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_NULL || token.isStructStart()) {
            value.skipChildren();
            return false;
        }
        // Numbers and text ("true") as a tree node reads them.
        return ((JsonNode) value.readValueAsTree()).asBoolean(false);
    }
}
