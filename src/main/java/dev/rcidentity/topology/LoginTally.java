package dev.rcidentity.topology;

import dev.rcidentity.model.Identity;

import java.time.Instant;

/** How often and when an owner logged in. */
record LoginTally(Instant firstLoginAt, Instant lastLoginAt, long loginCount) {
    static final LoginTally NONE = new LoginTally(null, null, 0);

    static LoginTally of(Identity identity) {
        return identity == null ? NONE
                : new LoginTally(identity.firstLoginAt(), identity.lastLoginAt(), identity.loginCount());
    }

    LoginTally add(Instant at) {
        Instant first = firstLoginAt == null || at.isBefore(firstLoginAt) ? at : firstLoginAt;
        Instant last = lastLoginAt == null || at.isAfter(lastLoginAt) ? at : lastLoginAt;
        return new LoginTally(first, last, loginCount + 1);
    }
}
