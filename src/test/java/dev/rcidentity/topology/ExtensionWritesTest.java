package dev.rcidentity.topology;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Json;
import dev.rcidentity.model.ListedExtension;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.rcidentity.topology.TopologyFixture.extension;
import static dev.rcidentity.topology.TopologyFixture.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the extension write path writes: records per topic for a new extension and for each kind of update. */
class ExtensionWritesTest extends TopologyTestBase {
    private static final String ACCOUNT = "500001";
    private static final String OTHER_ACCOUNT = "500002";
    private static final String ID = "500101";

    private static final String EXTENSIONS = StateStores.EXTENSIONS.name() + "-changelog";
    private static final String LISTING = StateStores.ACCOUNT_EXTENSIONS.name() + "-changelog";
    private static final String COUNTS = StateStores.ACCOUNT_EXTENSION_COUNTS.name() + "-changelog";
    private static final String HISTORY = StateStores.EXTENSION_HISTORY.name() + "-changelog";
    private static final String NUMBERS = StateStores.EXTENSION_NUMBERS.name() + "-changelog";
    private static final String NUMBER_MOVES = "extension-numbers-repartition";
    private static final String IDENTITIES = StateStores.IDENTITIES.name() + "-changelog";

    @Test
    void aNewExtensionIsListedByItsIdStatusAndType() {
        ExtensionSnapshot snapshot = extension(ACCOUNT, ID, "101", "Alice", "Enabled", t(1));
        fx.snapshot(snapshot);

        assertEquals(Map.of(EXTENSIONS, 1, LISTING, 1, COUNTS, 1, HISTORY, 1, "rc.extension-history.v1", 1,
                NUMBER_MOVES, 1, NUMBERS, 1), fx.written());
        assertEquals(ListedExtension.of(snapshot), listing().get(StateStores.accountExtensionKey(ACCOUNT, ID)));
    }

    @Test
    void aRenumberOfALoggedInOwnerWritesNoListingEntryNorCount() {
        fx.snapshot(extension(ACCOUNT, ID, "101", "Alice", "Enabled", t(1)));
        fx.login(login(ID, t(2)));
        fx.written();

        fx.snapshot(extension(ACCOUNT, ID, "102", "Alice", "Enabled", t(3)));

        assertEquals(Map.of(EXTENSIONS, 1, IDENTITIES, 1, "rc.identities.v1", 1, HISTORY, 1,
                "rc.extension-history.v1", 2, NUMBER_MOVES, 2, NUMBERS, 2), fx.written());
    }

    @Test
    void aSnapshotUnchangedButForItsObservationWritesOnlyTheSnapshotAndTheIdentityTime() {
        fx.snapshot(extension(ACCOUNT, ID, "101", "Alice", "Enabled", t(1)));
        fx.login(login(ID, t(2)));
        fx.written();

        fx.snapshot(extension(ACCOUNT, ID, "101", "Alice", "Enabled", t(3)));

        assertEquals(Map.of(EXTENSIONS, 1, IDENTITIES, 1, "rc.identities.v1", 1), fx.written());
    }

    @Test
    void aStatusChangeOrAMoveRewritesTheListing() {
        ExtensionSnapshot created = extension(ACCOUNT, ID, "101", "Alice", "Enabled", t(1));
        fx.snapshot(created);
        ExtensionSnapshot deleted = created.asDeleted(t(2));
        fx.snapshot(deleted);
        assertEquals(ListedExtension.of(deleted), listing().get(StateStores.accountExtensionKey(ACCOUNT, ID)));

        ExtensionSnapshot moved = extension(OTHER_ACCOUNT, ID, "101", "Alice", "Enabled", t(3));
        fx.snapshot(moved);
        assertNull(listing().get(StateStores.accountExtensionKey(ACCOUNT, ID)));
        assertEquals(ListedExtension.of(moved), listing().get(StateStores.accountExtensionKey(OTHER_ACCOUNT, ID)));
    }

    @Test
    void aListingEntryStoredAsAWholeSnapshotByAnEarlierVersionReadsAsItsListing() {
        ExtensionSnapshot snapshot = extension(ACCOUNT, ID, "101", "Alice", "Enabled", t(1)).asDeleted(t(2));
        byte[] earlier = Json.serde(ExtensionSnapshot.class).serializer().serialize("changelog", snapshot);

        assertEquals(ListedExtension.of(snapshot),
                StateStores.ACCOUNT_EXTENSIONS.valueSerde().deserializer().deserialize("changelog", earlier));
    }

    private KeyValueStore<String, ListedExtension> listing() {
        return fx.driver.getKeyValueStore(StateStores.ACCOUNT_EXTENSIONS.name());
    }
}
