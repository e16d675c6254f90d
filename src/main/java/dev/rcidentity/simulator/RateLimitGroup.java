package dev.rcidentity.simulator;

/** RingCentral's API throttling groups, with the name the {@code X-Rate-Limit-Group} header carries. */
public enum RateLimitGroup {
    LIGHT("Light"),
    MEDIUM("Medium"),
    HEAVY("Heavy"),
    AUTH("Auth");

    private final String headerValue;

    RateLimitGroup(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
