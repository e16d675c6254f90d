package dev.rcidentity.kafka;

import dev.rcidentity.kafka.encoding.InternalSerdes;
import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ConnectionStatus;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Notification;
import dev.rcidentity.model.NumberEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/** The one registry of the contract's topics: every name and its serdes live here. */
public final class Topics {
    public static final Topic<String, AccountSnapshot> ACCOUNTS =
            new Topic<>("rc.accounts.v1", Serdes.String(), Json.serde(AccountSnapshot.class));
    public static final Topic<String, ExtensionSnapshot> EXTENSIONS =
            new Topic<>("rc.extensions.v1", Serdes.String(), Json.serde(ExtensionSnapshot.class));
    public static final Topic<String, LoginEvent> LOGINS =
            new Topic<>("rc.logins.v1", Serdes.String(), Json.serde(LoginEvent.class));
    public static final Topic<String, Identity> IDENTITIES =
            new Topic<>("rc.identities.v1", Serdes.String(), Json.serde(Identity.class));
    public static final Topic<String, HistoryRow> EXTENSION_HISTORY =
            new Topic<>("rc.extension-history.v1", Serdes.String(), Json.serde(HistoryRow.class));
    /** Holds the bytes that failed, as received, with {@code __streams.errors.*} headers. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>("rc.dead-letters.v1", Serdes.ByteArray(), Serdes.ByteArray());
    /** Compacted; credentials inside are encrypted; a tombstone removes the connection. */
    public static final Topic<String, Connection> CONNECTIONS =
            new Topic<>("rc.connections.v1", Serdes.String(), Json.serde(Connection.class));
    public static final Topic<String, Notification> NOTIFICATIONS =
            new Topic<>("rc.notifications.v1", Serdes.String(), Json.serde(Notification.class));

    public static final List<Topic<?, ?>> ALL =
            List.of(ACCOUNTS, EXTENSIONS, LOGINS, IDENTITIES, EXTENSION_HISTORY, DEAD_LETTERS, CONNECTIONS,
                    NOTIFICATIONS);

    /**
     * Joined by key in one task, so they must have the same partition count. A record that its producer put in another
     * partition than the Java clients' default partitioner would is re-routed to the task that owns its key.
     */
    public static final List<Topic<?, ?>> CO_PARTITIONED = List.of(EXTENSIONS, LOGINS);

    /*
     * The topology's repartition topics, by the name Kafka Streams turns into {@code <application.id>-<name>-repartition}
     * (rc-identity-logins-rerouted-repartition). Renaming one strands what a running deployment holds in it. Values
     * only the topology reads are in the compact internal encoding; the re-route topics carry the input topics' JSON.
     */
    /** Every account to every partition. */
    public static final String ACCOUNTS_BROADCAST = "accounts-broadcast";
    public static final Serde<AccountSnapshot> ACCOUNTS_BROADCAST_VALUES = InternalSerdes.ACCOUNT_SNAPSHOT;
    /** Number claims and releases, by {@code <accountId>/<extensionNumber>}. */
    public static final String EXTENSION_NUMBERS = "extension-numbers";
    public static final Serde<NumberEvent> EXTENSION_NUMBERS_VALUES = InternalSerdes.NUMBER_EVENT;
    /** Extension snapshots found in a partition that does not own their key, on their way to the one that does. */
    public static final String EXTENSIONS_REROUTED = "extensions-rerouted";
    /** Logins found in a partition that does not own their key, on their way to the one that does. */
    public static final String LOGINS_REROUTED = "logins-rerouted";

    /*
     * Internal topics of the application (not in the contract, not in topics/): named after APPLICATION_ID, made by
     * the 'topics' command and by the parts that use them when missing (TopicDefinition#internal).
     */
    /** {@code <APPLICATION_ID>-connection-status}, compacted, by connectionId: what the poller holding each one did. */
    public static final String CONNECTION_STATUS_SUFFIX = "-connection-status";

    public static Topic<String, ConnectionStatus> connectionStatus(String applicationId) {
        return new Topic<>(applicationId + CONNECTION_STATUS_SUFFIX, Serdes.String(), Json.serde(ConnectionStatus.class));
    }

    private Topics() {
    }
}
