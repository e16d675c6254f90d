package dev.rcidentity.query;

import java.util.function.Function;

/**
 * What a store read answered, and how: which instance ({@code servedBy}, as its APPLICATION_SERVER), from which copy,
 * and for standby copies how stale they may be.
 *
 * @param value   null when the store has no such key (a 404 for the route)
 * @param staleMs standby reads only: milliseconds since that copy was last caught up
 */
public record Served<T>(T value, String servedBy, From from, Long staleMs) {
    /** The copy that answered, as {@code X-Served-From} says it. */
    public enum From {
        LOCAL("local"), FORWARDED("forwarded"), STANDBY("standby");

        private final String header;

        From(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        static From ofHeader(String value) {
            for (From from : values()) {
                if (from.header.equals(value)) {
                    return from;
                }
            }
            return null;
        }
    }

    /** The same provenance around another value. */
    <R> Served<R> map(Function<T, R> f) {
        return new Served<>(value == null ? null : f.apply(value), servedBy, from, staleMs);
    }

    /** 200 with the value as JSON, or 404 with {@code notFound}; with the provenance headers either way. */
    ApiResponse render(String notFound) {
        ApiResponse response = value == null ? ApiResponse.error(ApiError.notFound(notFound)) : ApiResponse.json(200, value);
        response.withHeader(Headers.SERVED_BY, servedBy).withHeader(Headers.SERVED_FROM, from.header());
        if (staleMs != null) {
            response.withHeader(Headers.STALE_MS, String.valueOf(staleMs));
        }
        return response;
    }
}
