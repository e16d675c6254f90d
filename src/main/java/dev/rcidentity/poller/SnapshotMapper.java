package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.IsoInstant;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * One extension record (of the list, or fetched alone); list records carry no account, so it comes from the
     * request. The mapping is {@link ExtensionRecordReader}'s, over the tree; a non-object maps as {@code {}}.
     */
    static ExtensionSnapshot extension(JsonNode record, String accountId, Instant observedAt) {
        JsonNode object = record.isObject() ? record : Json.MAPPER.createObjectNode();
        try (JsonParser parser = object.traverse(Json.MAPPER)) {
            parser.nextToken();
            return ExtensionRecordReader.read(parser, accountId, observedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a JSON tree", e);
        }
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
    static Instant instant(String value) {
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
