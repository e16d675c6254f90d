package dev.rcidentity.kafka;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Connection;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Notification;
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

    /** Joined by key in one task, so they must have the same partition count (and the default partitioner). */
    public static final List<Topic<?, ?>> CO_PARTITIONED = List.of(EXTENSIONS, LOGINS);

    private Topics() {
    }
}
