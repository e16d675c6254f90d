package dev.rcidentity.poller;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.ExtensionSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedStateTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:05:00Z");

    private final PublishedState state = new PublishedState();

    private static ExtensionSnapshot ext(String account, String id, String number, Instant at) {
        return new ExtensionSnapshot(account, id, number, "N " + id, "User", null, "Enabled", false, false, null,
                null, null, false, at);
    }

    @Test
    void onlyAttributeChangesCount() {
        assertTrue(state.changed(ext("1", "10", "100", T1)));
        state.published(ext("1", "10", "100", T1));
        assertFalse(state.changed(ext("1", "10", "100", T2)), "only observedAt differs");
        assertTrue(state.changed(ext("1", "10", "101", T2)));
        assertTrue(state.changed(ext("1", "10", "100", T2).asDeleted(T2)));

        AccountSnapshot account = new AccountSnapshot("1", "Acme", "+1", "Confirmed", "RingCentral", T1);
        assertTrue(state.changed(account));
        state.published(account);
        assertFalse(state.changed(new AccountSnapshot("1", "Acme", "+1", "Confirmed", "RingCentral", T2)));
        assertTrue(state.changed(new AccountSnapshot("1", "Acme Inc", "+1", "Confirmed", "RingCentral", T2)));
    }

    @Test
    void vanishedAreTheAccountsPresentExtensionsNotSeen() {
        state.published(ext("1", "10", "100", T1));
        state.published(ext("1", "11", "101", T1));
        state.published(ext("1", "12", "102", T1).asDeleted(T1));
        state.published(ext("2", "20", "100", T1));
        List<ExtensionSnapshot> gone = state.vanished("1", Set.of("10"), T2);
        assertEquals(List.of(ext("1", "11", "101", T1).asDeleted(T2)), gone);
    }

    @Test
    void forgettingAnAccountKeepsTheOthers() {
        state.published(ext("1", "10", "100", T1));
        state.published(ext("2", "20", "100", T1));
        state.published(new AccountSnapshot("1", "Acme", "+1", "Confirmed", "RingCentral", T1));
        state.forget("1");
        assertTrue(state.changed(ext("1", "10", "100", T2)), "account 1's extension is unknown again");
        assertTrue(state.changed(new AccountSnapshot("1", "Acme", "+1", "Confirmed", "RingCentral", T2)));
        assertFalse(state.changed(ext("2", "20", "100", T2)), "account 2's is kept");
    }

    @Test
    void anExtensionThatMovedAccountBelongsToItsNewAccountOnly() {
        state.published(ext("1", "10", "100", T1));
        state.published(ext("1", "11", "101", T1));
        state.published(ext("2", "11", "201", T2));
        assertEquals(List.of(), state.vanished("1", Set.of("10"), T2), "11 is account 2's now");
        assertEquals(List.of(ext("2", "11", "201", T2).asDeleted(T2)), state.vanished("2", Set.of(), T2));
        state.forget("1");
        assertFalse(state.changed(ext("2", "11", "201", T2)), "forgetting account 1 keeps what moved to account 2");
        assertTrue(state.changed(ext("1", "10", "100", T2)));
        state.forget("2");
        assertTrue(state.changed(ext("2", "11", "201", T2)));
        assertEquals(0, state.extensionCount());
    }
}
