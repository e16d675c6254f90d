package dev.rcidentity.query;

import dev.rcidentity.model.Ids;
import dev.rcidentity.model.IsoInstant;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An HTTP request as the handlers see it: method, path parameters, query parameters, a few headers and the body. */
public record ApiRequest(String method, String path, String rawQuery, Map<String, String> pathParams,
                         Map<String, List<String>> query, Function<String, String> header, byte[] body) {

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed query string");
        }
    }

    public String header(String name) {
        return header.apply(name);
    }

    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    /** Repeatable parameters, also accepting comma-separated values ({@code ?status=Enabled&status=Disabled}). */
    public List<String> params(String name) {
        List<String> values = new ArrayList<>();
        for (String value : query.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    /** A path parameter that must be a decimal id; 400 otherwise, before any store is touched. */
    public String id(String name) {
        String value = pathParams.get(name);
        if (!Ids.isValid(value)) {
            throw ApiError.badRequest(name + " must be a decimal id, got '" + Ids.abbreviate(value) + "'");
        }
        return value;
    }

    public int intParam(String name, int defaultValue, int min, int max) {
        return (int) longParam(name, defaultValue, min, max);
    }

    public long longParam(String name, long defaultValue, long min, long max) {
        String raw = param(name);
        return raw == null ? defaultValue : bounded(name, raw, min, max);
    }

    /** A path parameter that must be a whole number within bounds; 400 otherwise. */
    public long longPathParam(String name, long min, long max) {
        return bounded(name, String.valueOf(pathParams.get(name)), min, max);
    }

    private static long bounded(String name, String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number");
        }
    }

    public Instant instantParam(String name, Instant defaultValue) {
        String raw = param(name);
        return raw == null ? defaultValue : instant(name, raw);
    }

    /** An ISO-8601 time, UTC or with an offset; 400 naming {@code name} otherwise. */
    static Instant instant(String name, String raw) {
        Instant plain = IsoInstant.parse(raw);
        if (plain != null) {
            return plain;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException again) {
                throw ApiError.badRequest(name + " must be an ISO-8601 time such as 2026-03-01T09:00:00Z");
            }
        }
    }
}
