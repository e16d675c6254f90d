package dev.rcidentity.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which parts of the bench run (BENCH_SECTIONS): all, or a subset for quick before/after comparisons. */
public enum BenchSections {
    /** Every section. */
    ALL,
    /** The floors, the identity topology and its anchors, latency and memory: no recovery, lookups or poller. */
    STREAMS,
    /**
     * The identity topology's preload and logins (the state the lookups read), the latency step (its login -> identity
     * p99 is the read-your-writes target) and the lookups: no floors, anchors, snapshot updates, memory, recovery or
     * poller.
     */
    LOOKUPS;

    /** The value as BENCH_SECTIONS spells it, empty when it names no sections. */
    public static Optional<BenchSections> of(String value) {
        return Arrays.stream(values()).filter(s -> s.settingValue().equals(value)).findFirst();
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean floors() {
        return this != LOOKUPS;
    }

    boolean lookups() {
        return this != STREAMS;
    }

    /** Recovery and the poller sweep. */
    boolean rest() {
        return this == ALL;
    }
}
