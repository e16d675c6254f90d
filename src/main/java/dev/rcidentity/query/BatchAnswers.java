package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.model.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an instance answers a batch forwarded to it: {@code {"results": [...], "errors": {"<index>": {...}}}}, the items
 * in the order asked, each the JSON of its value as the public routes write it, or null with its error under its index.
 * The asking instance finds where each value starts and ends and relays those bytes as they are, without reading them
 * into objects and writing them again.
 */
final class BatchAnswers {
    private static final JavaType ERRORS = Json.MAPPER.getTypeFactory()
            .constructMapType(LinkedHashMap.class, Integer.class, BatchItem.Error.class);

    private BatchAnswers() {
    }

    static byte[] write(List<? extends BatchItem<?>> items) {
        BatchWriter out = new BatchWriter(items.size());
        Map<String, BatchItem.Error> errors = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem<?> item = items.get(i);
            if (item.answered()) {
                out.answer(item);
            } else {
                out.value(null);
                errors.put(String.valueOf(i), item.error());
            }
        }
        return out.finish(Map.of("errors", errors));
    }

    /** The items of an answer, each answered by {@code servedBy}; {@link IOException} when it is not such an answer. */
    static <T> List<BatchItem<T>> read(byte[] body, String servedBy) throws IOException {
        List<BatchItem<T>> items = new ArrayList<>();
        Map<Integer, BatchItem.Error> errors = Map.of();
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            require(parser.nextToken() == JsonToken.START_OBJECT, "an object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("results")) {
                    require(value == JsonToken.START_ARRAY, "an array of results");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : relayed(parser, body, servedBy));
                    }
                } else if (field.equals("errors")) {
                    errors = Json.MAPPER.readValue(parser, ERRORS);
                } else {
                    parser.skipChildren();
                }
            }
        }
        for (Map.Entry<Integer, BatchItem.Error> error : errors.entrySet()) {
            require(error.getKey() >= 0 && error.getKey() < items.size() && items.get(error.getKey()) == null,
                    "an error for each null result");
            items.set(error.getKey(), BatchItem.failed(error.getValue(), servedBy));
        }
        require(!items.contains(null), "an error for each null result");
        return items;
    }

    private static <T> BatchItem<T> relayed(JsonParser parser, byte[] body, String servedBy) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        parser.finishToken(); // a string's end is found only when it is read
        long end = parser.currentLocation().getByteOffset();
        return BatchItem.relayed(new BatchItem.Raw(body, (int) start, (int) (end - start)), servedBy);
    }

    private static void require(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("the answer holds no " + what);
        }
    }
}
