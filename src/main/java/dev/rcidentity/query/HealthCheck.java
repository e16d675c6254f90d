package dev.rcidentity.query;

/** One part's view of its own health, for {@code /health/live} and {@code /health/ready}. */
public interface HealthCheck {
    record Status(boolean up, String detail) {
    }

    String name();

    /** Not broken beyond repair (liveness). */
    Status live();

    /** Able to do its job now (readiness). */
    Status ready();
}
