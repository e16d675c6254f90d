package dev.rcidentity.topology;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityResolver;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.LoginMark;
import dev.rcidentity.model.LoginTally;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one way identities change: recompute from the task's stores, and when the result differs from what was
 * published, store it and forward it to {@code rc.identities.v1}.
 */
final class IdentityUpdater {
    private final IdentityStores stores;
    private final ProcessorContext<String, Identity> context;

    IdentityUpdater(IdentityStores stores, ProcessorContext<String, Identity> context) {
        this.stores = stores;
        this.context = context;
    }

    /** Recomputes the identity of an owner that already has one, after its account changed. */
    void refresh(String ownerId) {
        IdentityState state = stores.state(ownerId);
        if (state != null) {
            update(ownerId, state, LoginTally.of(state.identity()), state.loginAccountId(), state.recentLogins(),
                    stores.snapshot(ownerId));
        }
    }

    /** As {@link #refresh(String)} after a snapshot was filed; {@code current} is the extension's latest snapshot. */
    void refresh(String ownerId, ExtensionSnapshot current) {
        IdentityState state = stores.state(ownerId);
        if (state != null) {
            update(ownerId, state, LoginTally.of(state.identity()), state.loginAccountId(), state.recentLogins(),
                    current);
        }
    }

    /**
     * Recomputes the identity of an owner with the given logins; {@code previous} is null for a first login,
     * {@code current} the extension's latest snapshot (null when none is held).
     */
    void update(String ownerId, IdentityState previous, LoginTally logins, String loginAccountId, List<LoginMark> marks,
                ExtensionSnapshot current) {
        ExtensionSnapshot atLastLogin = snapshotAt(ownerId, current, logins.lastLoginAt());
        String accountId = current != null ? current.accountId() : loginAccountId;
        AccountSnapshot account = accountId == null ? null : stores.account(accountId);
        Identity identity = IdentityResolver.resolve(ownerId, logins, accountId, current,
                atLastLogin != null ? atLastLogin : current, account);

        Identity published = previous == null ? null : previous.identity();
        boolean ledgerChanged = previous == null || !previous.recentLogins().equals(marks)
                || !Objects.equals(previous.loginAccountId(), loginAccountId);
        if (identity.equals(published) && !ledgerChanged) {
            return;
        }
        stores.save(ownerId, previous, new IdentityState(identity, loginAccountId, marks));
        if (!identity.equals(published)) {
            long timestamp = identity.updatedAt() != null ? identity.updatedAt().toEpochMilli() : context.currentStreamTimeMs();
            context.forward(new Record<>(ownerId, identity, timestamp));
        }
    }

    /** The snapshot valid at {@code time}: the latest one when it was observed by then (no store read), else the store's. */
    private ExtensionSnapshot snapshotAt(String ownerId, ExtensionSnapshot current, Instant time) {
        if (time == null) {
            return null;
        }
        if (current != null && !current.observedAt().isAfter(time)) {
            return current;
        }
        return stores.snapshotAt(ownerId, time);
    }
}
