package dev.rcidentity.poller;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** RingCentral's rate-limit groups with their documented default limits (requests per 60 s window). */
public enum ApiGroup {
    LIGHT(50), MEDIUM(40), HEAVY(10), AUTH(5);

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private final int defaultLimit;

    ApiGroup(int defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    /** The group named by an {@code X-Rate-Limit-Group} header ("Light", "medium", ...), if it is one we know. */
    public static Optional<ApiGroup> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
