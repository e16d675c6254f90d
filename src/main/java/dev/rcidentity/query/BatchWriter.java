package dev.rcidentity.query;

import com.fasterxml.jackson.core.JsonGenerator;
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

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final JsonGenerator json;
    private int items;

    BatchWriter() {
        out.writeBytes(OPENING);
        try {
            json = Json.MAPPER.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setRootValueSeparator(null); // the array's commas are written here, between the items
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
            json.writeObject(value);
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
                json.writeObject(field.getValue());
            }
            json.writeFieldName("error");
            json.writeObject(error);
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
                json.writeObject(field.getValue());
                json.flush();
            }
            out.write('}');
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
