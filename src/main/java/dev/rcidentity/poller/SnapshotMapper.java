package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.IsoInstant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RingCentral JSON to snapshots. Enums ({@code type}, {@code status}) are open: any value passes through as text.
 * Ids may come as JSON numbers or strings.
 */
final class SnapshotMapper {
    private SnapshotMapper() {
    }

    /** One record of the extension list; list records carry no account, so it comes from the request. */
    static ExtensionSnapshot extension(JsonNode record, String accountId, Instant observedAt) {
        JsonNode contact = record.get("contact");
        return new ExtensionSnapshot(
                accountId,
                text(record, "id"),
                text(record, "extensionNumber"),
                text(record, "name"),
                text(record, "type"),
                text(record, "subType"),
                text(record, "status"),
                record.path("permissions").path("admin").path("enabled").asBoolean(false),
                record.path("hidden").asBoolean(false),
                contact == null || !contact.isObject() ? null : new Contact(
                        text(contact, "firstName"),
                        text(contact, "lastName"),
                        text(contact, "email"),
                        text(contact, "department"),
                        text(contact, "jobTitle")),
                text(record.path("site"), "id"),
                instant(text(record, "creationTime")),
                false,
                observedAt);
    }

    /** {@code GET /account/~} plus the company name from {@code /account/~/business-address} (null if unknown). */
    static AccountSnapshot account(JsonNode accountInfo, String companyName, Instant observedAt) {
        return new AccountSnapshot(
                text(accountInfo, "id"),
                companyName,
                text(accountInfo, "mainNumber"),
                text(accountInfo, "status"),
                text(accountInfo.path("serviceInfo").path("brand"), "name"),
                observedAt);
    }

    static String companyName(JsonNode businessAddress) {
        return text(businessAddress, "company");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /**
     * Lenient: a creation time in an unexpected shape is dropped rather than failing the sweep. The common UTC form is
     * read without {@code DateTimeFormatter}, which cost ~6 % of a sweep's CPU (JFR, 1,000 records a page).
     */
    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        Instant common = IsoInstant.parse(value);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
