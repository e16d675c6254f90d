package dev.rcidentity.kafka.encoding;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.ListedExtension;
import dev.rcidentity.model.NumberEvent;
import dev.rcidentity.model.NumberHoldings;
import org.apache.kafka.common.serialization.Serde;

/**
 * The compact encoding of the values the topology keeps to itself: its state stores (and their changelogs) and its
 * repartition topics. Public topics and the HTTP API stay JSON. Each serde also reads the JSON earlier versions
 * wrote ({@link CompactSerde}). Used through the registries (StateStores, Topics) only.
 */
public final class InternalSerdes {
    public static final Serde<ExtensionSnapshot> EXTENSION_SNAPSHOT =
            new CompactSerde<>(ExtensionSnapshot.class, SnapshotCodecs.EXTENSION);
    public static final Serde<ListedExtension> LISTED_EXTENSION =
            new CompactSerde<>(ListedExtension.class, SnapshotCodecs.LISTED_EXTENSION);
    public static final Serde<AccountSnapshot> ACCOUNT_SNAPSHOT =
            new CompactSerde<>(AccountSnapshot.class, SnapshotCodecs.ACCOUNT);
    public static final Serde<IdentityState> IDENTITY_STATE = new CompactSerde<>(IdentityState.class, IdentityCodecs.STATE);
    public static final Serde<ExtensionHistory> EXTENSION_HISTORY =
            new CompactSerde<>(ExtensionHistory.class, HistoryCodecs.HISTORY);
    public static final Serde<NumberHoldings> NUMBER_HOLDINGS =
            new CompactSerde<>(NumberHoldings.class, HistoryCodecs.HOLDINGS);
    public static final Serde<NumberEvent> NUMBER_EVENT = new CompactSerde<>(NumberEvent.class, HistoryCodecs.NUMBER_EVENT);

    private InternalSerdes() {
    }
}
