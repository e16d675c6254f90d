package dev.rcidentity.kafka;

import dev.rcidentity.kafka.encoding.InternalSerdes;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.ListedExtension;
import dev.rcidentity.model.NumberHoldings;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of the topology's state stores: their names (which also name their changelog topics) and serdes. The
 * values are in the compact internal encoding, which also reads the JSON earlier versions wrote.
 */
public final class StateStores {
    /** Versioned: every snapshot of an extension by observedAt, for "as of" lookups. Keyed by extensionId. */
    public static final StateStore<String, ExtensionSnapshot> EXTENSIONS =
            new StateStore<>("extensions", Serdes.String(), InternalSerdes.EXTENSION_SNAPSHOT);
    /** The identity of every login owner, with its login ledger. Keyed by ownerId. */
    public static final StateStore<String, IdentityState> IDENTITIES =
            new StateStore<>("identities", Serdes.String(), InternalSerdes.IDENTITY_STATE);
    /**
     * Index {@code <accountId>/<ownerId>} of the unresolved identities in this task whose login named an account, to
     * update them when that account changes (resolved ones are found through {@link #ACCOUNT_EXTENSIONS}).
     */
    public static final StateStore<String, String> IDENTITIES_BY_ACCOUNT =
            new StateStore<>("identities-by-account", Serdes.String(), Serdes.String());
    /** Every account, copied into every task by the accounts broadcast. Keyed by accountId. */
    public static final StateStore<String, AccountSnapshot> ACCOUNTS =
            new StateStore<>("accounts", Serdes.String(), InternalSerdes.ACCOUNT_SNAPSHOT);

    /** The type-2 history of each extension (within the history retention). Keyed by extensionId. */
    public static final StateStore<String, ExtensionHistory> EXTENSION_HISTORY =
            new StateStore<>("extension-history", Serdes.String(), InternalSerdes.EXTENSION_HISTORY);
    /** Which extensions held a number when, keyed {@code <accountId>/<extensionNumber>}. */
    public static final StateStore<String, NumberHoldings> EXTENSION_NUMBERS =
            new StateStore<>("extension-numbers", Serdes.String(), InternalSerdes.NUMBER_HOLDINGS);

    /**
     * Every extension of an account in this task, as its latest snapshot lists it (id, status, type, deleted: the
     * snapshots themselves are in {@link #EXTENSIONS}), keyed {@code <accountId>/<extensionId>} with the extension id
     * zero-padded to 20 digits, so a range scan lists one account in id order. Earlier versions stored the whole
     * snapshot here; such a value reads as its {@link ListedExtension}.
     */
    public static final StateStore<String, ListedExtension> ACCOUNT_EXTENSIONS =
            new StateStore<>("account-extensions", Serdes.String(), InternalSerdes.LISTED_EXTENSION);
    /** How many extensions of an account this task holds, keyed {@code <accountId>/<listedStatus>/<type>}. */
    public static final StateStore<String, Long> ACCOUNT_EXTENSION_COUNTS =
            new StateStore<>("account-extension-counts", Serdes.String(), Serdes.Long());

    /** The status under which a deleted extension is listed and counted. */
    public static final String DELETED_STATUS = "Deleted";

    private StateStores() {
    }

    /** The key of {@link #IDENTITIES_BY_ACCOUNT}; the separator keeps prefix scans of one account exact. */
    public static String accountIndexKey(String accountId, String ownerId) {
        return accountId + "/" + ownerId;
    }

    public static String accountIndexPrefix(String accountId) {
        return accountId + "/";
    }

    public static String accountExtensionKey(String accountId, String extensionId) {
        return accountId + "/" + "0".repeat(Math.max(0, 20 - extensionId.length())) + extensionId;
    }

    /** The first and last possible {@link #ACCOUNT_EXTENSIONS} keys of an account, for a range scan. */
    public static String accountExtensionsFrom(String accountId) {
        return accountId + "/";
    }

    public static String accountExtensionsTo(String accountId) {
        return accountId + "/~";
    }

    /** The status an extension is listed and counted under: its own, or {@link #DELETED_STATUS}. */
    public static String listedStatus(ExtensionSnapshot snapshot) {
        return listedStatus(snapshot.deleted(), snapshot.status());
    }

    public static String listedStatus(ListedExtension listed) {
        return listedStatus(listed.deleted(), listed.status());
    }

    private static String listedStatus(boolean deleted, String status) {
        return deleted ? DELETED_STATUS : String.valueOf(status);
    }

    public static String countKey(String accountId, String listedStatus, String type) {
        return accountId + "/" + listedStatus + "/" + type;
    }

    /** The key of {@link #EXTENSION_NUMBERS}. */
    public static String numberKey(String accountId, String extensionNumber) {
        return accountId + "/" + extensionNumber;
    }
}
