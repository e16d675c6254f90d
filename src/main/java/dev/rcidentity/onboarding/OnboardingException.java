package dev.rcidentity.onboarding;

/**
 * Why a connection was not created (or a link not issued). The message is meant for the admin or the browser page:
 * it names fields, connections and RingCentral's error codes, never a secret.
 */
public class OnboardingException extends RuntimeException {
    public enum Kind {
        /** Onboarding is not set up on this instance (ADMIN_TOKEN, the app's credentials). */
        NOT_CONFIGURED,
        /** Another connection has this name. */
        NAME_TAKEN,
        /** RingCentral refused the credential, the authorization code or the consent. */
        REFUSED,
        /** The connect link is malformed, forged, expired or used. */
        INVALID_LINK,
        /** The OAuth state is malformed, forged, expired or replayed. */
        INVALID_STATE,
        /** The user denied the consent ({@code error=access_denied}) or RingCentral reported another error. */
        DENIED,
        /** RingCentral did not answer usably (network, timeout, 5xx, rate limit): try again later. */
        RINGCENTRAL_UNAVAILABLE,
        /** Kafka did not acknowledge the connection record. */
        STORE_UNAVAILABLE
    }

    private final Kind kind;
    private final String ringCentralError;

    public OnboardingException(Kind kind, String message) {
        this(kind, message, null);
    }

    public OnboardingException(Kind kind, String message, String ringCentralError) {
        super(message, null, false, false);
        this.kind = kind;
        this.ringCentralError = ringCentralError;
    }

    public Kind kind() {
        return kind;
    }

    /** RingCentral's error code when it refused ({@code invalid_grant}, {@code OAU-211}...), else null. */
    public String ringCentralError() {
        return ringCentralError;
    }
}
