package dev.rcidentity.model;

import java.time.Instant;

/** How often and when an owner logged in. */
public record LoginTally(Instant firstLoginAt, Instant lastLoginAt, long loginCount) {
    public static final LoginTally NONE = new LoginTally(null, null, 0);

    public static LoginTally of(Identity identity) {
        return identity == null ? NONE
                : new LoginTally(identity.firstLoginAt(), identity.lastLoginAt(), identity.loginCount());
    }

    public LoginTally add(Instant at) {
        Instant first = firstLoginAt == null || at.isBefore(firstLoginAt) ? at : firstLoginAt;
        Instant last = lastLoginAt == null || at.isAfter(lastLoginAt) ? at : lastLoginAt;
        return new LoginTally(first, last, loginCount + 1);
    }
}
