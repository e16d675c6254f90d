package dev.rcidentity.model;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * Builds an identity from its inputs alone, so the result never depends on the order they arrived in:
 * the owner's logins, the extension's current snapshot, its snapshot as of the last login, and the account.
 * The topology publishes it for login owners; the HTTP API answers with it for owners that never logged in.
 */
public final class IdentityResolver {
    private IdentityResolver() {
    }

    /**
     * @param accountId the snapshot's account when there is one, else the account a login named (may be null)
     * @param atLastLogin the snapshot valid at the last login; the current one when the login predates every snapshot
     */
    public static Identity resolve(String ownerId, LoginTally logins, String accountId, ExtensionSnapshot current,
                            ExtensionSnapshot atLastLogin, AccountSnapshot account) {
        Resolution resolution = current == null ? Resolution.UNRESOLVED
                : current.deleted() ? Resolution.DELETED : Resolution.RESOLVED;
        Instant updatedAt = Stream.of(logins.lastLoginAt(),
                        current == null ? null : current.observedAt(),
                        account == null ? null : account.observedAt())
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElse(null);
        return new Identity(
                ownerId,
                ownerId,
                accountId,
                resolution,
                ownerId.equals(accountId),
                current == null ? null : current.extensionNumber(),
                current == null ? null : current.name(),
                current == null ? null : current.type(),
                current == null ? null : current.status(),
                current == null ? null : current.admin(),
                account == null ? null : account.summary(),
                logins.firstLoginAt(),
                logins.lastLoginAt(),
                logins.loginCount(),
                atLastLogin == null ? null : atLastLogin.extensionNumber(),
                updatedAt);
    }

    /** The resolution of an owner that never logged in: from its extension's current snapshot and its account. */
    public static Identity withoutLogins(ExtensionSnapshot current, AccountSnapshot account) {
        return resolve(current.extensionId(), LoginTally.NONE, current.accountId(), current, null, account);
    }
}
