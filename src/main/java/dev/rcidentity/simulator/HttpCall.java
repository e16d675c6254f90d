package dev.rcidentity.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One request and the response being built for it; also what the request log learns about the caller. */
final class HttpCall {
    private static final long MAX_DRAIN = 4L * 1024 * 1024;
    private final HttpExchange exchange;
    private final String path;
    private final String rawQuery;
    private int status;
    private byte[] body = new byte[0];
    private boolean sent;

    RateLimitGroup group;
    String clientId;
    String ownerId;
    String tokenId;

    HttpCall(HttpExchange exchange) {
        this.exchange = exchange;
        this.path = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return path;
    }

    String pathAndQuery() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** Query parameters in order, repeated ones kept; throws IllegalArgumentException on bad escapes. */
    Map<String, List<String>> query() {
        return parseForm(rawQuery);
    }

    /** The first value of a form or query parameter, or null. */
    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The request body, or empty when it is larger than {@code limit} bytes. An oversized body is read on and
     * discarded (up to {@link #MAX_DRAIN} bytes) so the client sees the error response instead of a reset.
     */
    Optional<byte[]> body(int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length <= limit) {
                return Optional.of(bytes);
            }
            byte[] sink = new byte[8192];
            long drained = 0;
            for (int n; drained < MAX_DRAIN && (n = in.read(sink)) > 0; ) {
                drained += n;
            }
            return Optional.empty();
        }
    }

    static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void rateLimitHeaders(SimulatedRateLimits.Decision decision) {
        header("X-Rate-Limit-Group", decision.group().headerValue());
        header("X-Rate-Limit-Limit", Integer.toString(decision.limit()));
        header("X-Rate-Limit-Remaining", Integer.toString(decision.remaining()));
        header("X-Rate-Limit-Window", Long.toString(decision.windowSeconds()));
        if (!decision.allowed()) {
            header("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
    }

    void json(int status, JsonNode node) {
        try {
            raw(status, WireFormat.MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void raw(int status, byte[] bytes) {
        this.status = status;
        this.body = bytes;
    }

    int status() {
        return status;
    }

    boolean responded() {
        return status != 0;
    }

    /** Writes the response once, after the injected delay (a delay interrupted by shutdown sends nothing). */
    void send(Duration delay) throws IOException {
        if (sent) {
            return;
        }
        sent = true;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        header("Content-Type", "application/json; charset=UTF-8");
        header("RCRequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
