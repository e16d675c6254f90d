package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.Resolution;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the identity processors of one task read and keep, asked for by what they need: an owner's identity state, an
 * extension's snapshot now or at a time, an account, the owners of an account. The stores' keys and the indexes that
 * must stay in step with them (the per-account listing, the unresolved identities by account) stay in here.
 */
final class IdentityStores {
    private final VersionedKeyValueStore<String, ExtensionSnapshot> extensions;
    private final KeyValueStore<String, IdentityState> identities;
    private final KeyValueStore<String, String> unresolvedByAccount;
    private final KeyValueStore<String, AccountSnapshot> accounts;
    private final AccountIndex listing;

    /** The processor must be connected to {@link IdentityTopology#IDENTITY_STORES}. */
    IdentityStores(ProcessorContext<?, ?> context) {
        this.extensions = context.getStateStore(StateStores.EXTENSIONS.name());
        this.identities = context.getStateStore(StateStores.IDENTITIES.name());
        this.unresolvedByAccount = context.getStateStore(StateStores.IDENTITIES_BY_ACCOUNT.name());
        this.accounts = context.getStateStore(StateStores.ACCOUNTS.name());
        this.listing = new AccountIndex(context);
    }

    /** The owner's identity with its login ledger, or null when the owner never logged in. */
    IdentityState state(String ownerId) {
        return identities.get(ownerId);
    }

    /** The extension's latest snapshot, or null when none is held. */
    ExtensionSnapshot snapshot(String extensionId) {
        return valueOf(extensions.get(extensionId));
    }

    /** The snapshot valid at {@code time}, or null when the extension had none then. */
    ExtensionSnapshot snapshotAt(String extensionId, Instant time) {
        return valueOf(extensions.get(extensionId, time.toEpochMilli()));
    }

    /**
     * Files a snapshot under its observedAt, and lists it under its account when it is the latest. Returns the
     * extension's latest snapshot after filing (this one, or a later one already held), or null when this one is
     * older than the store's history retention, and so not stored.
     */
    ExtensionSnapshot file(ExtensionSnapshot snapshot) {
        VersionedRecord<ExtensionSnapshot> previous = extensions.get(snapshot.extensionId());
        long observedAt = snapshot.observedAt().toEpochMilli();
        if (extensions.put(snapshot.extensionId(), snapshot, observedAt) == VersionedKeyValueStore.PUT_RETURN_CODE_NOT_PUT) {
            return null;
        }
        if (previous == null || previous.timestamp() <= observedAt) {
            listing.replace(previous == null ? null : previous.value(), snapshot);
            return snapshot;
        }
        return previous.value();
    }

    AccountSnapshot account(String accountId) {
        return accounts.get(accountId);
    }

    void keep(AccountSnapshot account) {
        accounts.put(account.accountId(), account);
    }

    /**
     * The owners in this task whose identity depends on the account: its extensions (whether they logged in or not)
     * and the unresolved identities a login filed under it.
     */
    List<String> ownersOfAccount(String accountId) {
        List<String> owners = new ArrayList<>(listing.extensionIds(accountId));
        try (KeyValueIterator<String, String> index = unresolvedByAccount.prefixScan(
                StateStores.accountIndexPrefix(accountId), new StringSerializer())) {
            index.forEachRemaining(entry -> owners.add(entry.value));
        }
        return owners;
    }

    /** Stores the owner's new state; {@code previous} (null for a first login) tells which index entry to move. */
    void save(String ownerId, IdentityState previous, IdentityState next) {
        identities.put(ownerId, next);
        String oldAccountId = unresolvedAccount(previous == null ? null : previous.identity());
        String newAccountId = unresolvedAccount(next.identity());
        if (Objects.equals(oldAccountId, newAccountId)) {
            return;
        }
        if (oldAccountId != null) {
            unresolvedByAccount.delete(StateStores.accountIndexKey(oldAccountId, ownerId));
        }
        if (newAccountId != null) {
            unresolvedByAccount.put(StateStores.accountIndexKey(newAccountId, ownerId), ownerId);
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

    private static <V> V valueOf(VersionedRecord<V> record) {
        return record == null ? null : record.value();
    }
}
