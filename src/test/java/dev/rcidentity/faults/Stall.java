package dev.rcidentity.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells a stall from slowness: what a wait observes (owners answering, input records left, identities counted) must
 * change at least once every {@link #LIMIT}, however long the whole wait takes. On a machine shared with other builds
 * (load average 45 on 2 cores) a child JVM alone took 50 s to start, so a fixed clock failed correct runs.
 */
final class Stall {
    /** How long the observed state may stay the same before the wait calls the pipeline stuck. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    private Object last = new Object();
    private Instant deadline = Instant.now().plus(LIMIT);

    /** Records what is observed now; true once it has not changed for {@link #LIMIT}. */
    boolean stalled(Object observation) {
        if (!observation.equals(last)) {
            last = observation;
            deadline = Instant.now().plus(LIMIT);
        }
        return Instant.now().isAfter(deadline);
    }
}
