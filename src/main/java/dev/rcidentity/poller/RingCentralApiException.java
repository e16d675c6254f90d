package dev.rcidentity.poller;

/**
 * A RingCentral call that failed for good (after the retries it deserved). The message names the endpoint, the
 * status and RingCentral's error code; it never carries a request body, a token or a secret.
 */
public class RingCentralApiException extends RuntimeException {
    /** Status used when no HTTP response arrived (network error, timeout, rate-limit wait beyond the deadline). */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String errorCode;

    public RingCentralApiException(String message, int status, String errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RingCentralApiException(String message, int status, String errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    /** RingCentral's {@code errorCode} or OAuth {@code error}, null when the body had none. */
    public String errorCode() {
        return errorCode;
    }
}
