package dev.rcidentity.query;

import com.fasterxml.jackson.databind.JavaType;
import dev.rcidentity.model.Json;

import java.io.IOException;

/**
 * One item's answer in a batch: its value (read here), or the JSON of its value as another instance wrote it (relayed
 * as it is), or why there is none ({@code not_found}, {@code bad_request}, {@code unavailable}), and the instance that
 * answered it (null when none did).
 */
record BatchItem<T>(T value, Raw json, Error error, String servedBy) {
    /** The contract's error body of one item. */
    record Error(String code, String message) {
        static Error of(ApiError e) {
            return new Error(e.code(), e.getMessage());
        }
    }

    /** One JSON value inside {@code bytes}, from {@code offset}, {@code length} bytes long (UTF-8). */
    record Raw(byte[] bytes, int offset, int length) {
    }

    static final String UNAVAILABLE = "unavailable";

    BatchItem(T value, String servedBy) {
        this(value, null, null, servedBy);
    }

    static <T> BatchItem<T> failed(ApiError e, String servedBy) {
        return failed(Error.of(e), servedBy);
    }

    static <T> BatchItem<T> failed(Error error, String servedBy) {
        return new BatchItem<>(null, null, error, servedBy);
    }

    static <T> BatchItem<T> relayed(Raw json, String servedBy) {
        return new BatchItem<>(null, json, null, servedBy);
    }

    boolean answered() {
        return value != null || json != null;
    }

    boolean unavailable() {
        return error != null && UNAVAILABLE.equals(error.code());
    }

    /** The value, read from the relayed JSON when another instance answered (for the few values a batch looks into). */
    T decoded(JavaType type) {
        if (json == null) {
            return value;
        }
        try {
            return Json.MAPPER.readValue(json.bytes(), json.offset(), json.length(), type);
        } catch (IOException e) {
            throw new IllegalStateException("instance " + servedBy + " answered an item that is not a " + type, e);
        }
    }
}
