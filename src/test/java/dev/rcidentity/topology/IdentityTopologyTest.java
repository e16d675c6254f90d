package dev.rcidentity.topology;

import dev.rcidentity.kafka.Topics;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.LoginEvent;
import dev.rcidentity.model.Resolution;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.rcidentity.topology.TopologyFixture.T0;
import static dev.rcidentity.topology.TopologyFixture.account;
import static dev.rcidentity.topology.TopologyFixture.extension;
import static dev.rcidentity.topology.TopologyFixture.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityTopologyTest extends TopologyTestBase {
    private static final String ACCOUNT = "400001";
    private static final String ALICE = "400101";
    private static final String BOB = "400102";


    @Test
    void loginMatchingAnExtensionResolvesWithExtensionAndAccountAttributes() {
        fx.account(account(ACCOUNT, "Acme", t(0)));
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.login(login(ALICE, t(2)));

        Identity id = fx.table().get(ALICE);
        assertEquals(Resolution.RESOLVED, id.resolution());
        assertEquals(ALICE, id.ownerId());
        assertEquals(ALICE, id.extensionId());
        assertEquals(ACCOUNT, id.accountId());
        assertEquals("420", id.extensionNumber());
        assertEquals("Alice", id.name());
        assertEquals("User", id.type());
        assertEquals("Enabled", id.status());
        assertEquals(Boolean.FALSE, id.admin());
        assertEquals("Acme", id.account().companyName());
        assertEquals("+16505550100", id.account().mainNumber());
        assertEquals("Confirmed", id.account().status());
        assertFalse(id.accountRoot());
        assertEquals(1, id.loginCount());
        assertEquals("420", id.extensionNumberAtLogin());
        assertEquals(t(2), id.updatedAt());
    }

    @Test
    void loginBeforeItsSnapshotIsUnresolvedThenResolvesWhenTheSnapshotArrives() {
        fx.account(account(ACCOUNT, "Acme", t(0)));
        fx.login(login(ALICE, t(1)));
        Identity unresolved = fx.table().get(ALICE);
        assertEquals(Resolution.UNRESOLVED, unresolved.resolution());
        assertNull(unresolved.accountId());
        assertNull(unresolved.name());
        assertNull(unresolved.account());
        assertEquals(1, unresolved.loginCount());

        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(2)));
        Identity resolved = fx.table().get(ALICE);
        assertEquals(Resolution.RESOLVED, resolved.resolution());
        assertEquals(ACCOUNT, resolved.accountId());
        assertEquals("Acme", resolved.account().companyName());
        assertEquals("420", resolved.extensionNumberAtLogin(), "a login before the first snapshot takes the first known number");
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder(@TempDir Path otherStateDir) {
        List<Runnable> inputs = List.of(
                () -> fx.account(account(ACCOUNT, "Acme", t(0))),
                () -> fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1))),
                () -> fx.login(login(ALICE, t(2))),
                () -> fx.snapshot(extension(ACCOUNT, ALICE, "421", "Alice Smith", "Enabled", t(3))),
                () -> fx.login(login(ALICE, t(4))));
        inputs.forEach(Runnable::run);
        Identity inOrder = fx.table().get(ALICE);
        fx.close();

        fx = new TopologyFixture(otherStateDir);
        for (int i = inputs.size() - 1; i >= 0; i--) {
            inputs.get(i).run();
        }
        Identity reversed = fx.table().get(ALICE);
        assertEquals(inOrder, reversed);
        assertEquals("421", reversed.extensionNumber());
        assertEquals("Alice Smith", reversed.name());
        assertEquals(2, reversed.loginCount());
    }

    @Test
    void anAccountRenameUpdatesEveryIdentityOfThatAccountOnly() {
        String otherAccount = "500001";
        String carol = "500101";
        fx.account(account(ACCOUNT, "Acme", t(0)));
        fx.account(account(otherAccount, "Globex", t(0)));
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(extension(ACCOUNT, BOB, "421", "Bob", "Enabled", t(1)));
        fx.snapshot(extension(otherAccount, carol, "100", "Carol", "Enabled", t(1)));
        fx.login(login(ALICE, t(2)));
        fx.login(login(BOB, t(2)));
        fx.login(login(carol, t(2)));
        fx.emitted();

        fx.account(account(ACCOUNT, "Acme Corporation", t(5)));
        List<TestRecord<String, Identity>> updates = fx.emitted();
        assertEquals(2, updates.size(), "one update per identity of the renamed account");
        for (TestRecord<String, Identity> update : updates) {
            assertEquals("Acme Corporation", update.value().account().companyName());
            assertEquals(t(5), update.value().updatedAt());
        }
        assertEquals(Map.of(ALICE, 1L, BOB, 1L), Map.of(updates.get(0).key(), 1L, updates.get(1).key(), 1L));
    }

    @Test
    void anAccountRenameAlsoReachesUnresolvedIdentitiesWhoseLoginNamedIt() {
        fx.account(account(ACCOUNT, "Acme", t(0)));
        fx.login(new LoginEvent(ALICE, ACCOUNT, t(1), LoginEvent.SOURCE_INGEST, null, null, null, null));
        fx.snapshot(extension(ACCOUNT, BOB, "421", "Bob", "Enabled", t(1)));
        fx.login(login(BOB, t(2)));
        assertEquals("Acme", fx.table().get(ALICE).account().companyName());

        fx.account(account(ACCOUNT, "Acme Corporation", t(5)));
        Map<String, Identity> table = fx.table();
        assertEquals(Resolution.UNRESOLVED, table.get(ALICE).resolution());
        assertEquals("Acme Corporation", table.get(ALICE).account().companyName());
        assertEquals("Acme Corporation", table.get(BOB).account().companyName());

        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(6)));
        fx.account(account(ACCOUNT, "Acme Inc", t(7)));
        List<TestRecord<String, Identity>> updates = fx.emitted();
        assertEquals(List.of(ALICE, ALICE, BOB).stream().sorted().toList(),
                updates.stream().map(TestRecord::key).sorted().toList(), "resolution, then one rename each");
        assertEquals("Acme Inc", updates.get(updates.size() - 1).value().account().companyName());
    }

    @Test
    void anOlderAccountObservationDoesNotOverwriteANewerOne() {
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.login(login(ALICE, t(2)));
        fx.account(account(ACCOUNT, "Acme Corporation", t(10)));
        fx.account(account(ACCOUNT, "Acme", t(5)));
        assertEquals("Acme Corporation", fx.table().get(ALICE).account().companyName());
    }

    @Test
    void anAccountArrivingAfterTheIdentityIsFilledIn() {
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.login(login(ALICE, t(2)));
        assertNull(fx.table().get(ALICE).account());
        fx.account(account(ACCOUNT, "Acme", t(3)));
        assertEquals("Acme", fx.table().get(ALICE).account().companyName());
    }

    @Test
    void aDeletedSnapshotGivesDeletedWithTheLastKnownAttributes() {
        ExtensionSnapshot alice = extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1));
        fx.snapshot(alice);
        fx.login(login(ALICE, t(2)));
        fx.snapshot(alice.asDeleted(t(3)));

        Identity id = fx.table().get(ALICE);
        assertEquals(Resolution.DELETED, id.resolution());
        assertEquals("420", id.extensionNumber());
        assertEquals("Alice", id.name());
        assertEquals(ACCOUNT, id.accountId());
    }

    @Test
    void accountRootIsTrueExactlyForTheSystemExtension() {
        fx.snapshot(extension(ACCOUNT, ACCOUNT, "101", "Admin", "Enabled", t(1)));
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.login(login(ACCOUNT, t(2)));
        fx.login(login(ALICE, t(2)));
        Map<String, Identity> table = fx.table();
        assertTrue(table.get(ACCOUNT).accountRoot());
        assertFalse(table.get(ALICE).accountRoot());
    }

    @Test
    void anUnresolvedLoginThatNamesItsAccountIsAccountRootWhenOwnerIsTheAccount() {
        fx.login(new LoginEvent(ACCOUNT, ACCOUNT, t(1), LoginEvent.SOURCE_INGEST, null, null, null, null));
        Identity id = fx.table().get(ACCOUNT);
        assertEquals(Resolution.UNRESOLVED, id.resolution());
        assertEquals(ACCOUNT, id.accountId());
        assertTrue(id.accountRoot());
    }

    @Test
    void loginsAreCountedWithFirstAndLastAndAReplayCountsOnce() {
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(0)));
        fx.login(login(ALICE, t(5)));
        fx.login(login(ALICE, t(1)));
        fx.login(login(ALICE, t(9)));
        fx.emitted();
        fx.login(login(ALICE, t(5)));
        assertTrue(fx.emitted().isEmpty(), "a replayed login emits nothing");

        fx.login(new LoginEvent(ALICE, null, t(5), LoginEvent.SOURCE_INGEST, null, null, null, null));
        Identity id = fx.table().get(ALICE);
        assertEquals(4, id.loginCount(), "same time from another source is another login");
        assertEquals(t(1), id.firstLoginAt());
        assertEquals(t(9), id.lastLoginAt());
    }

    @Test
    void anExtensionThatNeverLoggedInHasNoIdentity() {
        fx.account(account(ACCOUNT, "Acme", t(0)));
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice B", "Enabled", t(2)));
        assertTrue(fx.emitted().isEmpty());
    }

    @Test
    void aNumberRecycledBetweenTwoExtensionsStaysWithEachAsOfItsLogins() {
        ExtensionSnapshot alice = extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1));
        fx.snapshot(alice);
        fx.login(login(ALICE, t(2)));
        fx.snapshot(alice.asDeleted(t(10)));
        fx.snapshot(extension(ACCOUNT, BOB, "420", "Bob", "Enabled", t(10)));
        fx.login(login(BOB, t(11)));

        Map<String, Identity> table = fx.table();
        assertEquals(Resolution.DELETED, table.get(ALICE).resolution());
        assertEquals("420", table.get(ALICE).extensionNumber());
        assertEquals(Resolution.RESOLVED, table.get(BOB).resolution());
        assertEquals("420", table.get(BOB).extensionNumber());
        assertEquals("Bob", table.get(BOB).name());
    }

    @Test
    void aLoginReplayedAfterANumberChangeShowsTheNumberAtLoginTime() {
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Enabled", t(1)));
        fx.snapshot(extension(ACCOUNT, ALICE, "555", "Alice", "Enabled", t(10)));
        fx.login(login(ALICE, t(5)));
        Identity id = fx.table().get(ALICE);
        assertEquals("555", id.extensionNumber());
        assertEquals("420", id.extensionNumberAtLogin());
    }

    @Test
    void aLateOlderSnapshotDoesNotReplaceTheCurrentOne() {
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice Smith", "Enabled", t(10)));
        fx.login(login(ALICE, t(11)));
        fx.snapshot(extension(ACCOUNT, ALICE, "420", "Alice", "Disabled", t(5)));
        Identity id = fx.table().get(ALICE);
        assertEquals("Alice Smith", id.name());
        assertEquals("Enabled", id.status());
    }

    @Test
    void unknownTypeAndStatusValuesPassThrough() {
        ExtensionSnapshot hotDesk = new ExtensionSnapshot(ACCOUNT, ALICE, "420", "Desk 4", "HotDesk", "Shared",
                "Hibernating", false, false, null, null, null, false, t(1));
        fx.snapshot(hotDesk);
        fx.login(login(ALICE, t(2)));
        Identity id = fx.table().get(ALICE);
        assertEquals("HotDesk", id.type());
        assertEquals("Hibernating", id.status());
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicWithItsOriginAndProcessingGoesOn() {
        useAtLeastOnce();
        fx.raw(Topics.LOGINS.name(), ALICE, "{\"ownerId\": \"400101\", \"loggedInAt\": ");
        fx.login(login(BOB, t(1)));

        List<TestRecord<byte[], byte[]>> dead = fx.deadLetters.readRecordsToList();
        assertEquals(1, dead.size());
        TestRecord<byte[], byte[]> letter = dead.get(0);
        assertEquals(ALICE, new String(letter.key(), StandardCharsets.UTF_8));
        assertEquals("{\"ownerId\": \"400101\", \"loggedInAt\": ", new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals(Topics.LOGINS.name(), header(letter, "__streams.errors.topic"));
        assertEquals("0", header(letter, "__streams.errors.partition"));
        assertNotNull(header(letter, "__streams.errors.offset"));
        assertTrue(header(letter, "__streams.errors.message").contains("Malformed JSON"), header(letter, "__streams.errors.message"));
        assertNotNull(fx.table().get(BOB), "the next record is processed");
    }

    @Test
    void recordsWithoutTheirKeyFieldsAreDeadLettered() {
        useAtLeastOnce();
        fx.raw(Topics.EXTENSIONS.name(), ALICE, "{\"accountId\": \"400001\", \"name\": \"No Id\"}");
        fx.raw(Topics.EXTENSIONS.name(), ALICE, "{\"extensionId\": \"400101\", \"name\": \"No Account\"}");
        fx.raw(Topics.LOGINS.name(), ALICE, "{\"loggedInAt\": \"2026-03-01T09:00:00Z\", \"source\": \"ingest\"}");
        fx.raw(Topics.ACCOUNTS.name(), ACCOUNT, "{\"companyName\": \"No Id Inc\"}");
        fx.raw(Topics.EXTENSIONS.name(), ALICE, "{\"accountId\": \"400001\", \"extensionId\": \"abc\"}");

        List<String> messages = fx.deadLetters.readRecordsToList().stream()
                .map(r -> header(r, "__streams.errors.message")).toList();
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("without extensionId"), messages.get(0));
        assertTrue(messages.get(1).contains("without accountId"), messages.get(1));
        assertTrue(messages.get(2).contains("without ownerId"), messages.get(2));
        assertTrue(messages.get(3).contains("without accountId"), messages.get(3));
        assertTrue(messages.get(4).contains("malformed extensionId"), messages.get(4));
        assertTrue(fx.emitted().isEmpty());
    }

    @Test
    void aRecordFiledUnderAnotherKeyIsDeadLetteredOnce() {
        fx.raw(Topics.EXTENSIONS.name(), BOB,
                "{\"accountId\": \"400001\", \"extensionId\": \"400101\", \"observedAt\": \"2026-03-01T09:00:00Z\"}");
        fx.raw(Topics.ACCOUNTS.name(), "999", "{\"accountId\": \"400001\", \"companyName\": \"Acme\"}");
        List<TestRecord<byte[], byte[]>> dead = fx.deadLetters.readRecordsToList();
        assertEquals(2, dead.size());
        assertTrue(header(dead.get(0), "__streams.errors.message").contains("does not match its extensionId"));
        assertEquals(Topics.ACCOUNTS.name(), header(dead.get(1), "__streams.errors.topic"));
    }

    @Test
    void tombstonesAreIgnored() {
        fx.raw(Topics.EXTENSIONS.name(), ALICE, null);
        fx.raw(Topics.LOGINS.name(), ALICE, null);
        fx.raw(Topics.ACCOUNTS.name(), ACCOUNT, null);
        assertTrue(fx.emitted().isEmpty());
        assertTrue(fx.deadLetters.isEmpty());
    }

    /** See {@link TopologyFixture#TopologyFixture(Path, String)}: deserialization dead letters need at_least_once here. */
    private void useAtLeastOnce() {
        fx.close();
        fx = new TopologyFixture(stateDir.resolve("alo"), StreamsConfig.AT_LEAST_ONCE, 1);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
