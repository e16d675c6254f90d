package dev.rcidentity.connections;

/** An OAuth state or connect link that does not pass: the reason says which check failed; never echoes the token. */
public class InvalidTokenException extends RuntimeException {
    public enum Reason {
        /** Not a token of this kind at all (shape, size, encoding). */
        MALFORMED,
        /** The signature does not match: not issued here, or altered. */
        FORGED,
        EXPIRED,
        /** Already used once. */
        REPLAYED,
        /** Too many tokens in use at once to track another: refused rather than tracked unsafely. */
        OVERLOADED
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
