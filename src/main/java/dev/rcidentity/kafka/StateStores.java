package dev.rcidentity.kafka;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.Json;
import org.apache.kafka.common.serialization.Serdes;

/** The registry of the topology's state stores: their names (which also name their changelog topics) and serdes. */
public final class StateStores {
    /** Versioned: every snapshot of an extension by observedAt, for "as of" lookups. Keyed by extensionId. */
    public static final StateStore<String, ExtensionSnapshot> EXTENSIONS =
            new StateStore<>("extensions", Serdes.String(), Json.serde(ExtensionSnapshot.class));
    /** The identity of every login owner, with its login ledger. Keyed by ownerId. */
    public static final StateStore<String, IdentityState> IDENTITIES =
            new StateStore<>("identities", Serdes.String(), Json.serde(IdentityState.class));
    /** Index {@code <accountId>/<ownerId>} of the identities in this task, to update them when their account changes. */
    public static final StateStore<String, String> IDENTITIES_BY_ACCOUNT =
            new StateStore<>("identities-by-account", Serdes.String(), Serdes.String());
    /** Every account, copied into every task by the accounts broadcast. Keyed by accountId. */
    public static final StateStore<String, AccountSnapshot> ACCOUNTS =
            new StateStore<>("accounts", Serdes.String(), Json.serde(AccountSnapshot.class));

    /** The type-2 history of each extension (within the history retention). Keyed by extensionId. */
    public static final StateStore<String, ExtensionHistory> EXTENSION_HISTORY =
            new StateStore<>("extension-history", Serdes.String(), Json.serde(ExtensionHistory.class));
    /** Versioned: which extension held a number when, keyed {@code <accountId>/<extensionNumber>}. */
    public static final StateStore<String, String> EXTENSION_NUMBERS =
            new StateStore<>("extension-numbers", Serdes.String(), Serdes.String());

    private StateStores() {
    }

    /** The key of {@link #IDENTITIES_BY_ACCOUNT}; the separator keeps prefix scans of one account exact. */
    public static String accountIndexKey(String accountId, String ownerId) {
        return accountId + "/" + ownerId;
    }

    public static String accountIndexPrefix(String accountId) {
        return accountId + "/";
    }

    /** The key of {@link #EXTENSION_NUMBERS}. */
    public static String numberKey(String accountId, String extensionNumber) {
        return accountId + "/" + extensionNumber;
    }
}
