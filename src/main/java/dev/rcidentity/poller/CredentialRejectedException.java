package dev.rcidentity.poller;

/** The token endpoint refused the connection's credentials (HTTP 400/401): retrying will not help. */
public class CredentialRejectedException extends RingCentralApiException {
    public CredentialRejectedException(String message, int status, String errorCode) {
        super(message, status, errorCode);
    }
}
