package dev.rcidentity.query;

/**
 * One item's answer in a batch: its value, or why there is none ({@code not_found}, {@code bad_request},
 * {@code unavailable}), and the instance that answered it (null when none did).
 */
record BatchItem<T>(T value, Error error, String servedBy) {
    /** The contract's error body of one item. */
    record Error(String code, String message) {
        static Error of(ApiError e) {
            return new Error(e.code(), e.getMessage());
        }
    }

    static final String UNAVAILABLE = "unavailable";

    static <T> BatchItem<T> failed(ApiError e, String servedBy) {
        return new BatchItem<>(null, Error.of(e), servedBy);
    }

    boolean unavailable() {
        return error != null && UNAVAILABLE.equals(error.code());
    }
}
