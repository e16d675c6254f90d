package dev.rcidentity.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which sections a bench run measures ({@code --bench-sections}). */
public enum BenchSections {
    /** Every section. */
    ALL,
    /** The floors, the identity topology and its anchors, latency and memory: quick before/after runs of the topology. */
    STREAMS,
    /** The poller only: a full sweep under the Medium limit, and the scale-out of one vs two instances. */
    POLLER,
    /** Push vs polling only: staleness and RingCentral requests. */
    PUSH;

    /** The section named {@code name} (all, streams, poller, push), if there is one. */
    public static Optional<BenchSections> named(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName().equals(name)).findFirst();
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean streams() {
        return this == ALL || this == STREAMS;
    }

    boolean poller() {
        return this == ALL || this == POLLER;
    }

    boolean push() {
        return this == ALL || this == PUSH;
    }
}
