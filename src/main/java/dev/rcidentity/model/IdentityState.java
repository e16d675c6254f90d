package dev.rcidentity.model;

import java.util.List;

/**
 * What the identity store keeps per owner: the published identity, the account a login named (used while the owner
 * has no snapshot), and the recent logins that make replays recognisable.
 */
public record IdentityState(Identity identity, String loginAccountId, List<LoginMark> recentLogins) {
    public IdentityState {
        recentLogins = recentLogins == null ? List.of() : List.copyOf(recentLogins);
    }
}
