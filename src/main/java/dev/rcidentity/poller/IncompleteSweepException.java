package dev.rcidentity.poller;

/** The extension list could not be read to its end; nothing may be concluded about missing extensions. */
public class IncompleteSweepException extends RuntimeException {
    public IncompleteSweepException(String message) {
        super(message);
    }

    public IncompleteSweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
