package dev.rcidentity.poller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.InvalidRecordException;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads one extension-list page as it streams in, mapping each element of {@code records} as it comes: neither the
 * page (a 1,000-record page is ~1 MB of JSON) nor a record is built as a JSON tree. Results and errors are those of
 * reading the whole tree first: a bad record is reported only once the page has proved to be well-formed JSON, and a
 * field given twice counts as its last value.
 */
final class ExtensionPageReader implements RingCentralHttp.ObjectReader<ExtensionListPage> {
    private final String accountId;
    private final int pageNumber;
    private final Clock clock;

    /** @param pageNumber counted from 1, for error messages */
    ExtensionPageReader(String accountId, int pageNumber, Clock clock) {
        this.accountId = accountId;
        this.pageNumber = pageNumber;
        this.clock = clock;
    }

    @Override
    public ExtensionListPage read(JsonParser page) throws IOException {
        Instant observedAt = clock.instant();
        Records records = null;
        // navigation and paging are a few fields: kept as trees and read as before.
        ObjectNode small = Json.MAPPER.createObjectNode();
        while (page.nextToken() == JsonToken.FIELD_NAME) {
            String field = page.currentName();
            JsonToken value = page.nextToken();
            switch (field) {
                case "records" -> records = value == JsonToken.START_ARRAY ? readRecords(page, observedAt) : skip(page);
                case "navigation", "paging" -> small.set(field, page.readValueAsTree());
                default -> page.skipChildren();
            }
        }
        if (records == null) {
            throw new IncompleteSweepException("page " + pageNumber + " has no records array");
        }
        JsonNode total = small.path("paging").path("totalElements");
        return new ExtensionListPage(records.mapped, records.failure,
                SnapshotMapper.text(small.path("navigation").path("nextPage"), "uri"),
                total.canConvertToLong() ? OptionalLong.of(total.asLong()) : OptionalLong.empty());
    }

    /** The mapped records, or the first record that could not be mapped. */
    private record Records(List<ExtensionSnapshot> mapped, IncompleteSweepException failure) {
    }

    private static Records skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    private Records readRecords(JsonParser parser, Instant observedAt) throws IOException {
        List<ExtensionSnapshot> mapped = new ArrayList<>();
        IncompleteSweepException failure = null;
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            if (failure != null) {
                parser.skipChildren();
            } else if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                failure = new IncompleteSweepException(where(index) + " is not a JSON object");
            } else {
                try {
                    mapped.add(ExtensionRecordReader.read(parser, accountId, observedAt));
                } catch (InvalidRecordException e) {
                    failure = new IncompleteSweepException(where(index) + ": " + e.getMessage());
                }
            }
        }
        return new Records(mapped, failure);
    }

    private String where(int index) {
        return "page " + pageNumber + ", record " + index;
    }
}
