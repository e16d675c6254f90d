package dev.rcidentity.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws login owners: a first login of a known extension (visited in a scrambled order), a first login of an owner
 * no snapshot names yet (resolved later by {@link Workload#nextChange()}), or a repeat login of an earlier owner.
 */
final class LoginMix {
    static final double FIRST_KNOWN = 0.75;
    static final double UNKNOWN = 0.10;
    static final double REPEAT = 0.15;
    /** A prime that divides none of the sizes used, so k -> k * STRIDE mod n visits every extension once. */
    private static final long STRIDE = 1_000_003L;

    /** {@code known}: {@code index} is an extension index; else the index of an unknown owner. */
    record Owner(boolean known, int index) {
    }

    private final int extensions;
    private final Random random;
    private int knownIssued;
    private int unknownIssued;
    private int unknownResolved;
    private long[] loggedIn = new long[1024];
    private int loggedInCount;

    LoginMix(int extensions, Random random) {
        this.extensions = extensions;
        this.random = random;
    }

    Owner next() {
        double r = random.nextDouble();
        Owner owner;
        if (r < REPEAT && loggedInCount > 0) {
            return decode(loggedIn[random.nextInt(loggedInCount)]);
        } else if (r < REPEAT + UNKNOWN || knownIssued >= extensions) {
            owner = new Owner(false, unknownIssued++);
        } else {
            owner = new Owner(true, knownAt(knownIssued++));
        }
        remember(owner);
        return owner;
    }

    /** Distinct owners that logged in so far: the identities the topology holds. */
    long owners() {
        return (long) knownIssued + unknownIssued;
    }

    private int knownAt(int k) {
        return (int) ((k * STRIDE) % extensions);
    }

    /** An owner that has logged in (there must be one), as its id. */
    String randomOwnerId() {
        Owner owner = decode(loggedIn[random.nextInt(loggedInCount)]);
        return owner.known() ? Workload.extensionId(owner.index()) : Workload.unknownId(owner.index());
    }

    /** A known extension that has logged in (there must be one). */
    int randomKnownLoggedIn() {
        return knownAt(random.nextInt(Math.max(1, knownIssued)));
    }

    /** The next unknown owner to receive its first snapshot, or -1 when every one has. */
    int nextUnresolved() {
        return unknownResolved < unknownIssued ? unknownResolved++ : -1;
    }

    private void remember(Owner owner) {
        if (loggedInCount == loggedIn.length) {
            loggedIn = Arrays.copyOf(loggedIn, loggedIn.length * 2);
        }
        loggedIn[loggedInCount++] = owner.known() ? owner.index() : -1L - owner.index();
    }

    private static Owner decode(long handle) {
        return handle >= 0 ? new Owner(true, (int) handle) : new Owner(false, (int) (-1L - handle));
    }
}
