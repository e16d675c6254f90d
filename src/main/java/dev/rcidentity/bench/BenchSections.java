package dev.rcidentity.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which parts of the bench run (BENCH_SECTIONS, {@code --bench-sections}): all, or one part for before/after runs. */
public enum BenchSections {
    /** Every section. */
    ALL,
    /** The floors, the identity topology and its anchors, latency and memory: no recovery, lookups, poller or push. */
    STREAMS,
    /**
     * The identity topology's preload and logins (the state the lookups read), the latency step (its login -> identity
     * p99 is the read-your-writes target) and the lookups: no floors, anchors, snapshot updates, memory, recovery,
     * poller or push.
     */
    LOOKUPS,
    /** The poller only: a full sweep under the Medium limit, and the scale-out of one vs two instances. */
    POLLER,
    /** Push vs polling only: staleness and RingCentral requests. */
    PUSH;

    /** The value as BENCH_SECTIONS spells it (all, streams, lookups, poller, push), empty when it names none. */
    public static Optional<BenchSections> of(String value) {
        return Arrays.stream(values()).filter(s -> s.settingValue().equals(value)).findFirst();
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sections on the main broker: the identity topology and what reads its state. */
    boolean topology() {
        return this == ALL || this == STREAMS || this == LOOKUPS;
    }

    boolean floors() {
        return this == ALL || this == STREAMS;
    }

    boolean lookups() {
        return this == ALL || this == LOOKUPS;
    }

    /** Recovery after a wiped state directory. */
    boolean recovery() {
        return this == ALL;
    }

    boolean poller() {
        return this == ALL || this == POLLER;
    }

    boolean push() {
        return this == ALL || this == PUSH;
    }
}
