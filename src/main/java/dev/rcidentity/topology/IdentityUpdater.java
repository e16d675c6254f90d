package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.LoginMark;
import dev.rcidentity.model.Resolution;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import java.util.List;
import java.util.Objects;

/**
 * The stores of one task and the one way identities change: recompute from the stores, and when the result differs
 * from what was published, store it, keep the account index right and forward it to {@code rc.identities.v1}.
 */
final class IdentityUpdater {
    private final ProcessorContext<String, Identity> context;
    final VersionedKeyValueStore<String, ExtensionSnapshot> extensions;
    final KeyValueStore<String, IdentityState> identities;
    final KeyValueStore<String, String> identitiesByAccount;
    final KeyValueStore<String, AccountSnapshot> accounts;

    IdentityUpdater(ProcessorContext<String, Identity> context) {
        this.context = context;
        this.extensions = context.getStateStore(StateStores.EXTENSIONS.name());
        this.identities = context.getStateStore(StateStores.IDENTITIES.name());
        this.identitiesByAccount = context.getStateStore(StateStores.IDENTITIES_BY_ACCOUNT.name());
        this.accounts = context.getStateStore(StateStores.ACCOUNTS.name());
    }

    /** Recomputes the identity of an owner that already has one, after its extension or account changed. */
    void refresh(String ownerId) {
        IdentityState state = identities.get(ownerId);
        if (state != null) {
            update(ownerId, state, LoginTally.of(state.identity()), state.loginAccountId(), state.recentLogins());
        }
    }

    /** Recomputes the identity of an owner with the given logins; {@code previous} is null for a first login. */
    void update(String ownerId, IdentityState previous, LoginTally logins, String loginAccountId, List<LoginMark> marks) {
        ExtensionSnapshot current = valueOf(extensions.get(ownerId));
        ExtensionSnapshot atLastLogin = logins.lastLoginAt() == null ? null
                : valueOf(extensions.get(ownerId, logins.lastLoginAt().toEpochMilli()));
        String accountId = current != null ? current.accountId() : loginAccountId;
        AccountSnapshot account = accountId == null ? null : accounts.get(accountId);
        Identity identity = IdentityResolver.resolve(ownerId, logins, accountId, current,
                atLastLogin != null ? atLastLogin : current, account);

        Identity published = previous == null ? null : previous.identity();
        boolean ledgerChanged = previous == null || !previous.recentLogins().equals(marks)
                || !Objects.equals(previous.loginAccountId(), loginAccountId);
        if (identity.equals(published) && !ledgerChanged) {
            return;
        }
        identities.put(ownerId, new IdentityState(identity, loginAccountId, marks));
        reindex(ownerId, unresolvedAccount(published), unresolvedAccount(identity));
        if (!identity.equals(published)) {
            long timestamp = identity.updatedAt() != null ? identity.updatedAt().toEpochMilli() : context.currentStreamTimeMs();
            context.forward(new Record<>(ownerId, identity, timestamp));
        }
    }

    /**
     * The account under which {@link StateStores#IDENTITIES_BY_ACCOUNT} files an identity: only identities without a
     * snapshot that a login named an account for. The others are found through their snapshot in
     * {@link StateStores#ACCOUNT_EXTENSIONS}, which saves an index write (and its changelog record) per first login.
     */
    private static String unresolvedAccount(Identity identity) {
        return identity != null && identity.resolution() == Resolution.UNRESOLVED ? identity.accountId() : null;
    }

    private void reindex(String ownerId, String oldAccountId, String newAccountId) {
        if (Objects.equals(oldAccountId, newAccountId)) {
            return;
        }
        if (oldAccountId != null) {
            identitiesByAccount.delete(StateStores.accountIndexKey(oldAccountId, ownerId));
        }
        if (newAccountId != null) {
            identitiesByAccount.put(StateStores.accountIndexKey(newAccountId, ownerId), ownerId);
        }
    }

    private static <V> V valueOf(VersionedRecord<V> record) {
        return record == null ? null : record.value();
    }
}
