package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The body of a batch request: its bounds, its array of items, and each item parsed into its query or its 400. */
final class BatchBody {
    static final int MAX_ITEMS = 1_000;
    /** Room for {@link #MAX_ITEMS} number queries of ~100 bytes each; larger bodies get 413. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    /** An item parsed into its query, or the 400 that says why it could not be. */
    record Parsed<Q>(Q query, ApiError error) {
    }

    private BatchBody() {
    }

    /**
     * The array {@code field} of a JSON object body, read with the streaming parser (a string item costs one node, an
     * object item its own small tree); 400 when there is none, 413 beyond {@link #MAX_ITEMS}.
     */
    static List<JsonNode> items(byte[] body, String field) {
        List<JsonNode> items = null;
        int count = 0;
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean wanted = parser.currentName().equals(field);
                    if (parser.nextToken() == JsonToken.START_ARRAY && wanted) {
                        items = new ArrayList<>();
                        for (count = 0; parser.nextToken() != JsonToken.END_ARRAY; count++) {
                            if (count < MAX_ITEMS) {
                                items.add(item(parser));
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        items = wanted ? null : items; // the last of repeated fields counts
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON");
        }
        if (items == null) {
            throw ApiError.badRequest("the body must be a JSON object with an array " + field);
        }
        if (count > MAX_ITEMS) {
            throw new ApiError(413, "payload_too_large", field + " holds " + count + " items; a batch holds at most "
                    + MAX_ITEMS);
        }
        return items;
    }

    private static JsonNode item(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return TextNode.valueOf(parser.getText());
        }
        JsonNode item = parser.readValueAsTree();
        return item != null ? item : NullNode.getInstance();
    }

    static <Q extends StoreQuery.ByKey<T>, T> List<Parsed<Q>> parse(BatchKind<Q, T> kind, List<JsonNode> items) {
        List<Parsed<Q>> parsed = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            try {
                parsed.add(new Parsed<>(kind.parse(item), null));
            } catch (ApiError e) {
                parsed.add(new Parsed<>(null, e));
            }
        }
        return parsed;
    }
}
