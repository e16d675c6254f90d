package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.rcidentity.model.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a batch's answer once, item after item, with Jackson's streaming generator (no tree in between): an object
 * whose {@code results} array holds each item in order (a value read here, the JSON another instance answered with,
 * copied as it is, or a failure), then any further fields.
 */
final class BatchWriter {
    private static final byte[] OPENING = "{\"results\":[".getBytes(StandardCharsets.UTF_8);

    /** Room for a typical item (an owner is ~600 bytes) without growing the buffer again and again. */
    private static final int BYTES_PER_ITEM = 768;

    private final ByteArrayOutputStream out;
    private final JsonGenerator json;
    /** Writes values with one serializer provider for the whole answer, not a new one per value. */
    private final SequenceWriter values;
    private int items;

    BatchWriter(int expectedItems) {
        out = new ByteArrayOutputStream(OPENING.length + 64 + expectedItems * BYTES_PER_ITEM);
        out.writeBytes(OPENING);
        try {
            json = Json.MAPPER.createGenerator(out);
            json.setRootValueSeparator(null); // the array's commas are written here, between the items
            values = Json.MAPPER.writer().writeValues(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answered item: its value, or the JSON it was relayed with. */
    void answer(BatchItem<?> item) {
        if (item.json() != null) {
            next();
            out.write(item.json().bytes(), item.json().offset(), item.json().length());
        } else {
            value(item.value());
        }
    }

    void value(Object value) {
        try {
            next();
            values.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed item: the fields that name it (what the caller sent for it), then its {@code error}. */
    void failure(Map<String, ?> naming, BatchItem.Error error) {
        try {
            next();
            json.writeStartObject();
            for (Map.Entry<String, ?> field : naming.entrySet()) {
                json.writeFieldName(field.getKey());
                values.write(field.getValue());
            }
            json.writeFieldName("error");
            values.write(error);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole answer: the array closed, then {@code fields}. */
    byte[] finish(Map<String, ?> fields) {
        try {
            json.flush();
            out.write(']');
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                out.write(',');
                json.writeString(field.getKey());
                json.flush();
                out.write(':');
                values.write(field.getValue());
                json.flush();
            }
            out.write('}');
            values.close();
            json.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void next() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (items++ > 0) {
            out.write(',');
        }
    }
}
