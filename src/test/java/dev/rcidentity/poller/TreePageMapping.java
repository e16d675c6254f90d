package dev.rcidentity.poller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static dev.rcidentity.poller.SnapshotMapper.text;

/**
 * The reference for {@link ExtensionPageReader}: how a page was mapped before it streamed, from the whole page's tree
 * (the mapping as SnapshotMapper and ExtensionSweep had it), kept apart from production code on purpose; only its
 * text and instant readers are shared.
 */
final class TreePageMapping {
    private TreePageMapping() {
    }

    static ExtensionListPage read(byte[] json, String accountId, int pageNumber, Instant observedAt)
            throws IOException {
        JsonNode page = Json.MAPPER.readTree(new ByteArrayInputStream(json));
        if (page == null || !page.isObject()) {
            throw new IOException("not a JSON object");
        }
        JsonNode records = page.get("records");
        if (records == null || !records.isArray()) {
            throw new IncompleteSweepException("page " + pageNumber + " has no records array");
        }
        List<ExtensionSnapshot> mapped = new ArrayList<>();
        IncompleteSweepException bad = null;
        for (int i = 0; i < records.size() && bad == null; i++) {
            JsonNode record = records.get(i);
            if (record == null || !record.isObject()) {
                bad = new IncompleteSweepException("page " + pageNumber + ", record " + i + " is not a JSON object");
                continue;
            }
            try {
                mapped.add(extension(record, accountId, observedAt));
            } catch (InvalidRecordException e) {
                bad = new IncompleteSweepException("page " + pageNumber + ", record " + i + ": " + e.getMessage());
            }
        }
        JsonNode total = page.path("paging").path("totalElements");
        return new ExtensionListPage(mapped, bad, text(page.path("navigation").path("nextPage"), "uri"),
                total.canConvertToLong() ? OptionalLong.of(total.asLong()) : OptionalLong.empty());
    }

    static ExtensionSnapshot extension(JsonNode record, String accountId, Instant observedAt) {
        JsonNode contact = record.get("contact");
        return new ExtensionSnapshot(accountId, text(record, "id"), text(record, "extensionNumber"),
                text(record, "name"), text(record, "type"), text(record, "subType"), text(record, "status"),
                record.path("permissions").path("admin").path("enabled").asBoolean(false),
                record.path("hidden").asBoolean(false),
                contact == null || !contact.isObject() ? null : new Contact(text(contact, "firstName"),
                        text(contact, "lastName"), text(contact, "email"), text(contact, "department"),
                        text(contact, "jobTitle")),
                text(record.path("site"), "id"), SnapshotMapper.instant(text(record, "creationTime")), false,
                observedAt);
    }
}
