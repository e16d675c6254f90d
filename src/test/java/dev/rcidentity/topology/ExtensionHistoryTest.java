package dev.rcidentity.topology;

import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.Identity;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.rcidentity.topology.TopologyFixture.T0;
import static dev.rcidentity.topology.TopologyFixture.extension;
import static dev.rcidentity.topology.TopologyFixture.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtensionHistoryTest extends TopologyTestBase {
    private static final String ACCOUNT = "400001";
    private static final String A = "400101";
    private static final String B = "400102";


    private static ExtensionSnapshot seat(String id, String number, String name, String status, Instant at) {
        return new ExtensionSnapshot(ACCOUNT, id, number, name, "User", null, status, false, false,
                new Contact(name, null, null, null, null), null, T0, false, at);
    }

    private static HistoryRow row(long version, Instant from, Instant to, String change, String number, String name,
                                  String status) {
        return new HistoryRow(A + ":" + version, A, ACCOUNT, version, from, to, to == null, change, number, name,
                "User", status, false);
    }

    private List<HistoryRow> rows() {
        return fx.history.readRecordsToList().stream().map(TestRecord::value).toList();
    }

    @Test
    void theFullLifeOfAnExtensionEmitsExactlyTheseRows() {
        fx.snapshot(seat(A, null, "Seat 7", "Unassigned", t(1)));
        assertEquals(List.of(row(1, t(1), null, "CREATED", null, "Seat 7", "Unassigned")), rows());

        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(2)));
        assertEquals(List.of(
                row(1, t(1), t(2), "CREATED", null, "Seat 7", "Unassigned"),
                row(2, t(2), null, "ASSIGNED", "420", "Alice", "Enabled")), rows());

        fx.snapshot(seat(A, "420", "Alice Smith", "Enabled", t(3)));
        assertEquals(List.of(
                row(2, t(2), t(3), "ASSIGNED", "420", "Alice", "Enabled"),
                row(3, t(3), null, "RENAMED", "420", "Alice Smith", "Enabled")), rows());

        fx.snapshot(seat(A, "421", "Alice Smith", "Enabled", t(4)));
        assertEquals(List.of(
                row(3, t(3), t(4), "RENAMED", "420", "Alice Smith", "Enabled"),
                row(4, t(4), null, "NUMBER_CHANGED", "421", "Alice Smith", "Enabled")), rows());

        fx.snapshot(seat(A, "421", "Alice Smith", "Disabled", t(5)));
        assertEquals(List.of(
                row(4, t(4), t(5), "NUMBER_CHANGED", "421", "Alice Smith", "Enabled"),
                row(5, t(5), null, "STATUS_CHANGED", "421", "Alice Smith", "Disabled")), rows());

        fx.snapshot(seat(A, "421", "Alice Smith", "Disabled", t(6)).asDeleted(t(6)));
        assertEquals(List.of(
                row(5, t(5), t(6), "STATUS_CHANGED", "421", "Alice Smith", "Disabled"),
                row(6, t(6), null, "DELETED", "421", "Alice Smith", "Disabled")), rows());

        assertEquals(6, fx.storedHistory(A).size());
        assertEquals("DELETED", fx.storedHistory(A).get(5).change());
    }

    @Test
    void severalTrackedChangesAtOnceAreAnUpdateAndUntrackedOnesNoVersion() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.history.readRecordsToList();
        ExtensionSnapshot newEmail = new ExtensionSnapshot(ACCOUNT, A, "420", "Alice", "User", null, "Enabled", false,
                true, new Contact("Alice", "Smith", "alice@example.com", "Sales", "Rep"), "77", T0, false, t(2));
        fx.snapshot(newEmail);
        assertTrue(fx.history.isEmpty(), "contact, hidden and site are not tracked");

        fx.snapshot(seat(A, "555", "Alice Smith", "Enabled", t(3)));
        List<HistoryRow> rows = rows();
        assertEquals("UPDATED", rows.get(1).change());
        assertEquals(2, rows.get(1).version());
    }

    @Test
    void duplicateSnapshotsEmitNothing() {
        ExtensionSnapshot alice = seat(A, "420", "Alice", "Enabled", t(1));
        fx.snapshot(alice);
        fx.snapshot(alice);
        fx.snapshot(alice.observedAt(t(2)));
        assertEquals(1, rows().size());
    }

    @Test
    void aLateOlderSnapshotMakesNoVersionAndLeavesTheHistoryAsItWas() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(seat(A, "420", "Alice Smith", "Enabled", t(10)));
        fx.history.readRecordsToList();
        List<HistoryRow> before = fx.storedHistory(A);

        fx.snapshot(seat(A, "999", "Someone Else", "Disabled", t(5)));
        assertTrue(fx.history.isEmpty());
        assertEquals(before, fx.storedHistory(A));
        assertEquals(A, fx.holderOf(ACCOUNT, "420", t(11)));
        assertNull(fx.holderOf(ACCOUNT, "999", t(6)));
    }

    @Test
    void number420RecycledFromAToBIsFoundAsOfEachTime() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(seat(B, null, "Seat 8", "Unassigned", t(1)));
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(10)).asDeleted(t(10)));
        fx.snapshot(seat(B, "420", "Bob", "Enabled", t(12)));
        assertRecycledLookups();
    }

    @Test
    void number420RecycledFromAToBInTheOppositeProcessingOrder() {
        fx.snapshot(seat(B, null, "Seat 8", "Unassigned", t(1)));
        fx.snapshot(seat(B, "420", "Bob", "Enabled", t(12)));
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(10)).asDeleted(t(10)));
        assertRecycledLookups();
    }

    private void assertRecycledLookups() {
        assertNull(fx.holderOf(ACCOUNT, "420", t(0)), "before anyone had it");
        assertEquals(A, fx.holderOf(ACCOUNT, "420", t(5)), "while A had it");
        assertNull(fx.holderOf(ACCOUNT, "420", t(11)), "between A leaving and B getting it");
        assertEquals(B, fx.holderOf(ACCOUNT, "420", t(12)), "from the moment B got it");
        assertEquals(B, fx.holderOf(ACCOUNT, "420", t(1000)), "and after");
    }

    /**
     * The poller stamps a departure with the end of its sweep, later than the new holder's snapshot from the same
     * sweep: the two holdings overlap, and the newest claim wins whichever is processed first.
     */
    @Test
    void aDepartureObservedAfterTheNewHoldersSnapshotDoesNotCutTheNewHoldingShort() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)).asDeleted(t(12)));
        fx.snapshot(seat(B, "420", "Bob", "Enabled", t(10)));
        assertOverlapResolvedToTheNewHolder();
    }

    @Test
    void aDepartureObservedAfterTheNewHoldersSnapshotInTheOtherProcessingOrder() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(seat(B, "420", "Bob", "Enabled", t(10)));
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)).asDeleted(t(12)));
        assertOverlapResolvedToTheNewHolder();
    }

    private void assertOverlapResolvedToTheNewHolder() {
        assertEquals(A, fx.holderOf(ACCOUNT, "420", t(5)));
        assertEquals(B, fx.holderOf(ACCOUNT, "420", t(11)), "while both are on record, the newer claim");
        assertEquals(B, fx.holderOf(ACCOUNT, "420", t(13)));
        assertEquals(B, fx.holderOf(ACCOUNT, "420", t(1000)));
    }

    @Test
    void aNumberMovingAtTheSameMomentGoesToItsNewHolderInEitherOrder() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(seat(B, "420", "Bob", "Enabled", t(10)));
        fx.snapshot(seat(A, "430", "Alice", "Enabled", t(10)));
        assertEquals(B, fx.holderOf(ACCOUNT, "420", t(10)));
        assertEquals(A, fx.holderOf(ACCOUNT, "420", t(9)));
        assertEquals(A, fx.holderOf(ACCOUNT, "430", t(10)));
    }

    @Test
    void reprocessingTheSameInputYieldsTheSameRows(@TempDir Path otherStateDir) {
        List<ExtensionSnapshot> input = List.of(
                seat(A, null, "Seat 7", "Unassigned", t(1)),
                seat(A, "420", "Alice", "Enabled", t(2)),
                seat(B, "421", "Bob", "Enabled", t(2)),
                seat(A, "420", "Alice", "Disabled", t(3)));
        input.forEach(fx::snapshot);
        List<TestRecord<String, HistoryRow>> first = fx.history.readRecordsToList();
        fx.close();
        fx = new TopologyFixture(otherStateDir);
        input.forEach(fx::snapshot);
        List<TestRecord<String, HistoryRow>> second = fx.history.readRecordsToList();
        assertEquals(first.stream().map(r -> r.key() + "=" + r.value()).toList(),
                second.stream().map(r -> r.key() + "=" + r.value()).toList());
        assertEquals(List.of("400101:1", "400101:1", "400101:2", "400102:1", "400101:2", "400101:3"),
                second.stream().map(r -> r.value().rowId()).toList());
    }

    @Test
    void aLoginIsResolvedWithTheNumberItHadThenWhileTheHistoryMovesOn() {
        fx.snapshot(seat(A, "420", "Alice", "Enabled", t(1)));
        fx.login(login(A, t(2)));
        fx.snapshot(seat(A, "421", "Alice", "Enabled", t(3)));
        Identity identity = fx.table().get(A);
        assertEquals("420", identity.extensionNumberAtLogin());
        assertEquals("421", identity.extensionNumber());
    }
}
