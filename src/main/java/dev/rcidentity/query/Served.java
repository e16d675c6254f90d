package dev.rcidentity.query;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a store read answered, and how: which instance ({@code servedBy}, as its APPLICATION_SERVER), from which copy,
 * and for standby copies how stale they may be. An answer another instance gave is kept as the JSON it sent: it is
 * relayed as it is ({@link #render}) and parsed only when a caller needs the value itself.
 */
public final class Served<T> {
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

    private T value;
    /** The value as another instance rendered it; null when read here (or once parsed). */
    private byte[] json;
    private final StoreQuery<T> query;
    private final String servedBy;
    private final From from;
    private final Long staleMs;

    /**
     * @param value   null when the store has no such key (a 404 for the route)
     * @param staleMs standby reads only: milliseconds since that copy was last caught up
     */
    public Served(T value, String servedBy, From from, Long staleMs) {
        this(value, null, null, servedBy, from, staleMs);
    }

    private Served(T value, byte[] json, StoreQuery<T> query, String servedBy, From from, Long staleMs) {
        this.value = value;
        this.json = json;
        this.query = query;
        this.servedBy = servedBy;
        this.from = from;
        this.staleMs = staleMs;
    }

    /** A value another instance answered {@code query} with, as its JSON body. */
    static <T> Served<T> relayed(byte[] json, StoreQuery<T> query, String servedBy, From from, Long staleMs) {
        return new Served<>(null, json, query, servedBy, from, staleMs);
    }

    /** The value; null when the store has no such key. */
    public T value() {
        if (json != null) {
            try {
                value = query.decode(json);
            } catch (IOException e) {
                throw new IllegalStateException("instance " + servedBy + " answered " + query.forwardPath()
                        + " with a body that is not a " + query.answerType(), e);
            }
            json = null;
        }
        return value;
    }

    public String servedBy() {
        return servedBy;
    }

    public From from() {
        return from;
    }

    public Long staleMs() {
        return staleMs;
    }

    /** The same provenance around another value. */
    <R> Served<R> map(Function<T, R> f) {
        T v = value();
        return new Served<>(v == null ? null : f.apply(v), servedBy, from, staleMs);
    }

    /** 200 with the value as JSON (relayed as it came when another instance answered), or 404 with {@code notFound}. */
    ApiResponse render(String notFound) {
        ApiResponse response = json != null ? ApiResponse.json(json)
                : value == null ? ApiResponse.error(ApiError.notFound(notFound)) : ApiResponse.json(200, value);
        response.withHeader(Headers.SERVED_BY, servedBy).withHeader(Headers.SERVED_FROM, from.header());
        if (staleMs != null) {
            response.withHeader(Headers.STALE_MS, String.valueOf(staleMs));
        }
        return response;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Served<?> other && Objects.equals(value(), other.value()) && servedBy.equals(other.servedBy)
                && from == other.from && Objects.equals(staleMs, other.staleMs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value(), servedBy, from, staleMs);
    }

    @Override
    public String toString() {
        return "Served[value=" + value() + ", servedBy=" + servedBy + ", from=" + from + ", staleMs=" + staleMs + "]";
    }
}
